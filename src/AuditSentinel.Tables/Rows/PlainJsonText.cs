using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Finds text that JSON with relaxed escaping writes as it is: printable ASCII without a quote or a backslash. Row
/// values are short (most under 16 bytes), where a general search's set-up costs more than the search, so any length
/// is checked as whole 16-byte vectors: short text is read as overlapping pieces that fill one vector (a byte read
/// twice is checked twice, which changes nothing), long text a vector at a time.
/// </summary>
internal static class PlainJsonText
{
    private const int Chars = 8; // UTF-16 chars in one vector

    /// <summary>True when the UTF-8 text needs no escaping.</summary>
    internal static bool IsPlain(ReadOnlySpan<byte> utf8)
    {
        var length = utf8.Length;
        if (length >= Vector128<byte>.Count)
        {
            var special = Vector128<byte>.Zero;
            var last = length - Vector128<byte>.Count;
            for (var at = 0; at < last; at += Vector128<byte>.Count)
            {
                special |= Special(Vector128.Create(utf8.Slice(at, Vector128<byte>.Count)));
            }

            return (special | Special(Vector128.Create(utf8[last..]))) == Vector128<byte>.Zero;
        }

        Vector128<byte> bytes;
        if (length >= sizeof(ulong))
        {
            bytes = Vector128.Create(MemoryMarshal.Read<ulong>(utf8), MemoryMarshal.Read<ulong>(utf8[^sizeof(ulong)..])).AsByte();
        }
        else if (length >= sizeof(uint))
        {
            var pieces = MemoryMarshal.Read<uint>(utf8) | ((ulong)MemoryMarshal.Read<uint>(utf8[^sizeof(uint)..]) << 32);
            bytes = Vector128.Create(pieces).AsByte();
        }
        else if (length > 0)
        {
            bytes = Vector128.Create(utf8[0] | ((uint)utf8[length / 2] << 8) | ((uint)utf8[^1] << 16) | ((uint)utf8[0] << 24)).AsByte();
        }
        else
        {
            return true;
        }

        return Special(bytes) == Vector128<byte>.Zero;
    }

    /// <summary>The longest text <see cref="TryNarrowShort"/> takes: four vectors of chars narrowed to two of bytes.</summary>
    internal const int ShortChars = 4 * Chars;

    /// <summary>
    /// Writes the text as ASCII into <paramref name="destination"/> (at least as long as the text) when it needs no
    /// escaping, and returns true; otherwise returns false, having written any part of it: one pass for the check and
    /// the copy.
    /// </summary>
    internal static bool TryNarrow(ReadOnlySpan<char> text, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, text.Length, nameof(destination));
        var chars = MemoryMarshal.Cast<char, short>(text);
        var length = chars.Length;
        if (length <= ShortChars)
        {
            return TryNarrowShort(text, ref MemoryMarshal.GetReference(destination));
        }

        var special = Vector128<byte>.Zero;
        var last = length - (2 * Chars);
        for (var at = 0; ; at = Math.Min(at + (2 * Chars), last))
        {
            var bytes = Narrow(Vector128.Create(chars.Slice(at, Chars)), Vector128.Create(chars.Slice(at + Chars, Chars)));
            special |= Special(bytes);
            bytes.CopyTo(destination[at..]);
            if (at == last)
            {
                return special == Vector128<byte>.Zero;
            }
        }
    }

    /// <summary>
    /// <see cref="TryNarrow"/> for text of at most <see cref="ShortChars"/> chars (nearly every row value), read and
    /// written through references: it writes exactly the text's length from <paramref name="destination"/>, which the
    /// caller makes sure lies in its buffer, and reads only the text's own chars.
    /// </summary>
    /// <remarks>
    /// Chars are narrowed to bytes with signed saturation and the bytes checked as UTF-8 is: a char below a space or
    /// from U+8000 (negative) becomes a byte below a space, one from U+007F to U+7FFF becomes DEL, so a char that needs
    /// escaping stays a byte that does, and plain ASCII is unchanged. Up to sixteen chars cost two loads, one pack, one
    /// check and two stores; up to 32 (ids, paths, the source's name) twice that. Inlined into its callers (a string column, a string item): the call and its saved
    /// registers cost 0.4% of a parse's instructions.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryNarrowShort(ReadOnlySpan<char> text, ref byte destination)
    {
        Debug.Assert(text.Length <= ShortChars, "Short text only.");
        ref var chars = ref Unsafe.As<char, short>(ref MemoryMarshal.GetReference(text));
        var length = text.Length;
        if (length >= 2 * Chars)
        {
            // The first and the last 16 chars, which overlap or meet.
            var head = Narrow(Vector128.LoadUnsafe(ref chars), Vector128.LoadUnsafe(ref chars, Chars));
            var tail = Narrow(Vector128.LoadUnsafe(ref chars, (nuint)(length - (2 * Chars))), Vector128.LoadUnsafe(ref chars, (nuint)(length - Chars)));
            head.StoreUnsafe(ref destination);
            tail.StoreUnsafe(ref destination, (nuint)(length - (2 * Chars)));
            return (Special(head) | Special(tail)) == Vector128<byte>.Zero;
        }

        if (length >= Chars)
        {
            // Most values: the first and the last 8 chars, which overlap or meet.
            var bytes = Narrow(Vector128.LoadUnsafe(ref chars), Vector128.LoadUnsafe(ref chars, (nuint)(length - Chars))).AsUInt64();
            Unsafe.WriteUnaligned(ref destination, bytes.GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - Chars), bytes.GetElement(1));
            return Special(bytes.AsByte()) == Vector128<byte>.Zero;
        }

        if (length >= Chars / 2)
        {
            // The first and the last 4 chars, as one 8-byte read each.
            var first = Unsafe.ReadUnaligned<long>(ref Unsafe.As<short, byte>(ref chars));
            var end = Unsafe.ReadUnaligned<long>(ref Unsafe.As<short, byte>(ref Unsafe.Add(ref chars, length - (Chars / 2))));
            var pieces = Vector128.Create(first, end).AsInt16();
            var bytes = Narrow(pieces, pieces).AsUInt32();
            Unsafe.WriteUnaligned(ref destination, bytes.GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - (Chars / 2)), bytes.GetElement(1));
            return Special(bytes.AsByte()) == Vector128<byte>.Zero;
        }

        for (var i = 0; i < length; i++)
        {
            var c = Unsafe.Add(ref chars, i);
            if (c is < (short)' ' or > (short)'~' or (short)'"' or (short)'\\')
            {
                return false;
            }

            Unsafe.Add(ref destination, i) = (byte)c;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Narrow(Vector128<short> lower, Vector128<short> upper) =>
        Vector128.NarrowWithSaturation(lower, upper).AsByte();

    /// <summary>
    /// All bits set in each byte that needs escaping: adding one takes DEL and every byte beyond ASCII to a negative
    /// number and the controls to 1..32, so one signed compare finds them all; then the quote and the backslash.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> Special(Vector128<byte> bytes) =>
        Vector128.LessThan((bytes + Vector128<byte>.One).AsSByte(), Vector128.Create((sbyte)(' ' + 1))).AsByte()
        | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'\\'));
}
