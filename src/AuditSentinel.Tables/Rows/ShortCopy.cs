using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Copies the short spans a row is made of (column prefixes, field names and values: nearly all under 32 bytes) with
/// two overlapping loads and stores of one size, where the general copy spends more on choosing its way than on the
/// copy; longer spans go to the general copy.
/// </summary>
internal static class ShortCopy
{
    /// <summary>Copies <paramref name="source"/> to the start of <paramref name="destination"/> (which must be at least as long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var length = source.Length;
        if (length >= Vector128<byte>.Count)
        {
            if (length > 2 * Vector128<byte>.Count)
            {
                source.CopyTo(destination);
                return;
            }

            var tail = length - Vector128<byte>.Count;
            var last = Vector128.Create(source[tail..]);
            Vector128.Create(source).CopyTo(destination);
            last.CopyTo(destination[tail..]);
        }
        else if (length >= sizeof(ulong))
        {
            Pair<ulong>(source, destination, sizeof(ulong));
        }
        else if (length >= sizeof(uint))
        {
            Pair<uint>(source, destination, sizeof(uint));
        }
        else if (length > 0)
        {
            // One to three bytes: the first, the middle and the last are all of them.
            var (first, middle, end) = (source[0], source[length / 2], source[^1]);
            destination[0] = first;
            destination[length / 2] = middle;
            destination[length - 1] = end;
        }
    }

    // The first and the last size bytes (the size of T), which overlap or meet for any length from size to twice that.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pair<T>(ReadOnlySpan<byte> source, Span<byte> destination, int size)
        where T : unmanaged
    {
        var tail = source.Length - size;
        var first = MemoryMarshal.Read<T>(source);
        var last = MemoryMarshal.Read<T>(source[tail..]);
        MemoryMarshal.Write(destination, in first);
        MemoryMarshal.Write(destination[tail..], in last);
    }
}
