using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// Where a line's delimiters stand, one bit per byte, 64 bytes per word: spaces and tabs end values, those and '='
/// end names. Marked once per line with vector compares, so finding the end of each name or value is a shift and a
/// trailing-zero count instead of a byte loop.
/// </summary>
internal static class DelimiterBits
{
    private const int BytesPerWord = 64;
    private const int HalfWord = 32;

    /// <summary>Words needed for a line of <paramref name="length"/> bytes, per bitmap.</summary>
    internal static int WordsFor(int length) => (length + BytesPerWord - 1) / BytesPerWord;

    /// <summary>Fills <paramref name="valueEnds"/> (space, tab) and <paramref name="nameEnds"/> (space, tab, '=') for the line.</summary>
    internal static void Mark(ReadOnlySpan<byte> line, Span<ulong> valueEnds, Span<ulong> nameEnds)
    {
        var whole = line.Length / BytesPerWord;
        for (var word = 0; word < whole; word++)
        {
            MarkWord(line.Slice(word * BytesPerWord, BytesPerWord), out valueEnds[word], out nameEnds[word]);
        }

        var rest = line.Length - (whole * BytesPerWord);
        if (rest == 0)
        {
            return;
        }

        if (whole > 0)
        {
            // The last 64 bytes of the line, read in place: their top bits are the short block's, shifted down.
            MarkWord(line[^BytesPerWord..], out var blanks, out var names);
            valueEnds[whole] = blanks >> (BytesPerWord - rest);
            nameEnds[whole] = names >> (BytesPerWord - rest);
            return;
        }

        // A line shorter than a word is read from a zero-padded copy: zero is no delimiter.
        Span<byte> padded = stackalloc byte[BytesPerWord];
        padded.Clear();
        line.CopyTo(padded);
        MarkWord(padded, out valueEnds[0], out nameEnds[0]);
    }

    /// <summary>The first position at or after <paramref name="from"/> whose bit is set, or <paramref name="to"/> when none is before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Next(ReadOnlySpan<ulong> bits, int from, int to)
    {
        if (from >= to)
        {
            return to;
        }

        // Names and values are mostly shorter than a word: the first word usually answers, inlined; a shift of a
        // 64-bit number uses the low 6 bits of the count, so "from" needs no masking.
        var rest = bits[from >> 6] >> from;
        return rest != 0 ? Math.Min(to, from + BitOperations.TrailingZeroCount(rest)) : NextInLaterWords(bits, from, to);
    }

    private static int NextInLaterWords(ReadOnlySpan<ulong> bits, int from, int to)
    {
        var lastWord = (to - 1) >> 6;
        for (var word = (from >> 6) + 1; word <= lastWord; word++)
        {
            if (bits[word] != 0)
            {
                return Math.Min(to, (word * BytesPerWord) + BitOperations.TrailingZeroCount(bits[word]));
            }
        }

        return to;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MarkWord(ReadOnlySpan<byte> block, out ulong valueEnds, out ulong nameEnds)
    {
        var low = Vector256.Create(block);
        var high = Vector256.Create(block[HalfWord..]);
        var blanks = Blanks(low) | ((ulong)Blanks(high) << HalfWord);
        var equals = Equals(low) | ((ulong)Equals(high) << HalfWord);
        valueEnds = blanks;
        nameEnds = blanks | equals;
    }

    private static uint Blanks(Vector256<byte> block) =>
        (Vector256.Equals(block, Vector256.Create((byte)' ')) | Vector256.Equals(block, Vector256.Create((byte)'\t'))).ExtractMostSignificantBits();

    private static uint Equals(Vector256<byte> block) => Vector256.Equals(block, Vector256.Create((byte)'=')).ExtractMostSignificantBits();
}
