using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace AuditSentinel.Parsing.Records;

/// <summary>Offsets of one key=value pair inside a record's line bytes.</summary>
/// <param name="NameStart">Where the name starts; the bitwise complement of a <see cref="FieldTokenizer.SyntheticNames"/> index for a name not in the line.</param>
/// <param name="NameLength">The name's length in bytes.</param>
/// <param name="ValueStart">Where the value starts.</param>
/// <param name="ValueLength">The value's length in bytes.</param>
/// <param name="Kind">How the value was written.</param>
/// <param name="Origin">Where the field stands.</param>
/// <remarks>
/// The name's key (<see cref="KeyOf"/>) is kept apart, in a record's array of keys, so that finding a field is one
/// vectorized search over the keys.
/// </remarks>
internal readonly record struct FieldToken(int NameStart, int NameLength, int ValueStart, int ValueLength, FieldKind Kind, FieldOrigin Origin)
{
    /// <summary>The first 8 bytes of a name, zero-padded, as one number: most names are that short, so one compare finds a field.</summary>
    internal static ulong KeyOf(ReadOnlySpan<byte> name)
    {
        // Two loads that may overlap cover every length without a loop: the overlapping bytes are the same bytes.
        var length = name.Length;
        if (length >= sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(name);
        }

        if (length >= sizeof(uint))
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(name)
                | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(name[(length - sizeof(uint))..]) << ((length - sizeof(uint)) * 8));
        }

        if (length >= sizeof(ushort))
        {
            return BinaryPrimitives.ReadUInt16LittleEndian(name)
                | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(name[(length - sizeof(ushort))..]) << ((length - sizeof(ushort)) * 8));
        }

        return length == 1 ? name[0] : 0UL;
    }

    /// <summary>
    /// <see cref="KeyOf"/> of the name at <paramref name="start"/> in <paramref name="line"/>: one unaligned 8-byte
    /// load and a mask when the line has 8 bytes there, which is the case for almost every name.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong KeyAt(ReadOnlySpan<byte> line, int start, int length)
    {
        if (line.Length - start < sizeof(ulong))
        {
            return KeyOf(line.Slice(start, length));
        }

        var word = BinaryPrimitives.ReadUInt64LittleEndian(line[start..]);
        return length >= sizeof(ulong) ? word : word & ((1UL << (length * 8)) - 1);
    }
}
