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

    /// <summary>
    /// Writes the text as ASCII into <paramref name="destination"/> (at least as long as the text) when it needs no
    /// escaping, and returns true; otherwise returns false, having written any part of it: one pass for the check and
    /// the copy.
    /// </summary>
    internal static bool TryNarrow(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        var length = chars.Length;
        if (length >= Chars)
        {
            var special = Vector128<ushort>.Zero;
            var last = length - Chars;
            for (var at = 0; ; at = Math.Min(at + Chars, last))
            {
                var block = Vector128.Create(chars.Slice(at, Chars));
                special |= Special(block);
                // Truncating each char to its low byte is exact for what passes the check; a failed check returns false.
                MemoryMarshal.Write(destination.Slice(at, sizeof(ulong)), Vector128.Narrow(block, block).AsUInt64().ToScalar());

                if (at == last)
                {
                    return special == Vector128<ushort>.Zero;
                }
            }
        }

        if (length >= Chars / 2)
        {
            var pieces = Vector128.Create(MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(chars)), MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(chars[^(Chars / 2)..]))).AsUInt16();
            var narrowed = Vector128.Narrow(pieces, pieces).AsUInt32();
            MemoryMarshal.Write(destination, narrowed.GetElement(0));
            MemoryMarshal.Write(destination[(length - (Chars / 2))..], narrowed.GetElement(1));

            return Special(pieces) == Vector128<ushort>.Zero;
        }

        for (var i = 0; i < length; i++)
        {
            var c = chars[i];
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return false;
            }

            destination[i] = (byte)c;
        }

        return true;
    }

    // All bits set in each byte that needs escaping: controls and, read as signed, every non-ASCII byte; DEL; quote; backslash.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Special(Vector128<byte> bytes) =>
        Vector128.LessThan(bytes.AsSByte(), Vector128.Create((sbyte)' ')).AsByte()
        | Vector128.Equals(bytes, Vector128.Create((byte)0x7F))
        | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'\\'));

    // The same for UTF-16: read as signed, below a space catches controls and every char from U+8000, above ~ the rest.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> Special(Vector128<ushort> chars) =>
        (Vector128.LessThan(chars.AsInt16(), Vector128.Create((short)' ')) | Vector128.GreaterThan(chars.AsInt16(), Vector128.Create((short)'~'))).AsUInt16()
        | Vector128.Equals(chars, Vector128.Create((ushort)'"'))
        | Vector128.Equals(chars, Vector128.Create((ushort)'\\'));
}
