using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// Where a line's delimiters stand, one bit per byte, 64 bytes per word: spaces and tabs end values
/// (<see cref="ValueEnds"/>), those and '=' end names (<see cref="NameEnds"/>), double quotes close quoted values
/// (<see cref="Quotes"/>). Marked once per line with vector compares, so finding the end of each name or value is a
/// shift and a trailing-zero count instead of a byte loop or a search call. The three maps are interleaved word by
/// word in one array, so a reader holds one span, not three.
/// </summary>
internal static class DelimiterBits
{
    /// <summary>The map of spaces and tabs.</summary>
    internal const int ValueEnds = 0;

    /// <summary>The map of spaces, tabs and '='.</summary>
    internal const int NameEnds = 1;

    /// <summary>The map of double quotes.</summary>
    internal const int Quotes = 2;

    /// <summary>Bytes of the line per word of a map.</summary>
    internal const int BytesPerWord = 64;

    private const int Maps = 3;
    private const int HalfWord = 32;

    /// <summary>Words needed for the maps of a line of <paramref name="length"/> bytes.</summary>
    internal static int WordsFor(int length) => Maps * ((length + BytesPerWord - 1) / BytesPerWord);

    /// <summary>
    /// Fills <paramref name="bits"/> (at least <see cref="WordsFor"/> long) with the maps of the line and copies the line
    /// to <paramref name="copy"/> (at least as long as the line) from the same vector loads: the parser keeps every
    /// record's line, and a copy of its own was a second pass over it.
    /// </summary>
    internal static void Mark(ReadOnlySpan<byte> line, Span<ulong> bits, Span<byte> copy)
    {
        var whole = line.Length / BytesPerWord;
        for (var word = 0; word < whole; word++)
        {
            var at = word * BytesPerWord;
            MarkWord(line.Slice(at, BytesPerWord), bits.Slice(word * Maps, Maps), BytesPerWord, copy.Slice(at, BytesPerWord));
        }

        var rest = line.Length - (whole * BytesPerWord);
        if (rest == 0)
        {
            return;
        }

        if (whole > 0)
        {
            // The last 64 bytes of the line, read in place: their top bits are the short block's, shifted down; their
            // copy overlaps the previous word's with the same bytes.
            MarkWord(line[^BytesPerWord..], bits.Slice(whole * Maps, Maps), rest, copy.Slice(line.Length - BytesPerWord, BytesPerWord));
            return;
        }

        // A line shorter than a word is read from a zero-padded copy (zero is no delimiter), and copied on its own: the
        // word's store goes back to the padded block.
        Span<byte> padded = stackalloc byte[BytesPerWord];
        padded.Clear();
        line.CopyTo(padded);
        line.CopyTo(copy);
        MarkWord(padded, bits[..Maps], BytesPerWord, padded);
    }

    /// <summary>
    /// The first position at or after <paramref name="from"/> whose bit is set in map <paramref name="map"/>, or
    /// <paramref name="to"/> when none is before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Next(ReadOnlySpan<ulong> bits, int map, int from, int to)
    {
        if (from >= to)
        {
            return to;
        }

        // Names and values are mostly shorter than a word: the first word usually answers, inlined; a shift of a
        // 64-bit number uses the low 6 bits of the count, so "from" needs no masking.
        var rest = bits[((from >> 6) * Maps) + map] >> from;
        return rest != 0 ? Math.Min(to, from + BitOperations.TrailingZeroCount(rest)) : NextInLaterWords(bits, map, from, to);
    }

    /// <summary>
    /// <see cref="Next"/> for a reader that goes without range checks and has a way out for long runs: the answer when it
    /// is in the word of <paramref name="from"/> or the next one, else -1.
    /// </summary>
    /// <remarks>
    /// Reads only words that hold a position before <paramref name="to"/>, so maps of a line that reaches
    /// <paramref name="to"/> (<see cref="WordsFor"/> of its length) keep every unchecked read in range.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int NextNear(ref ulong bits, int map, int from, int to)
    {
        if (from >= to)
        {
            return to;
        }

        var word = from >> 6;
        var rest = Unsafe.Add(ref bits, (word * Maps) + map) >> from;
        if (rest != 0)
        {
            return Math.Min(to, from + BitOperations.TrailingZeroCount(rest));
        }

        var nextStart = (word + 1) * BytesPerWord;
        if (nextStart >= to)
        {
            return to;
        }

        rest = Unsafe.Add(ref bits, ((word + 1) * Maps) + map);
        if (rest != 0)
        {
            return Math.Min(to, nextStart + BitOperations.TrailingZeroCount(rest));
        }

        return nextStart + BytesPerWord >= to ? to : -1;
    }

    /// <summary>
    /// The word of map <paramref name="map"/> that starts at line position <paramref name="wordStart"/> (a multiple of
    /// <see cref="BytesPerWord"/>), cut at <paramref name="to"/>: no bit past it, and its own bit set, so that a scan
    /// of the words stops there. A word that starts at or past <paramref name="to"/> is its first bit alone, so a scan
    /// that reaches it stops at its start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong WordUpTo(ReadOnlySpan<ulong> bits, int map, int wordStart, int to)
    {
        var left = to - wordStart;
        if (left <= 0)
        {
            return 1;
        }

        var word = bits[((wordStart >> 6) * Maps) + map];
        return left >= BytesPerWord ? word : (word & ((1UL << left) - 1)) | (1UL << left);
    }

    private static int NextInLaterWords(ReadOnlySpan<ulong> bits, int map, int from, int to)
    {
        var lastWord = (to - 1) >> 6;
        for (var word = (from >> 6) + 1; word <= lastWord; word++)
        {
            var found = bits[(word * Maps) + map];
            if (found != 0)
            {
                return Math.Min(to, (word * BytesPerWord) + BitOperations.TrailingZeroCount(found));
            }
        }

        return to;
    }

    // The block's last "used" bytes are the line's: their bits are shifted down to the word's start. The block is
    // stored to "copy" as loaded.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MarkWord(ReadOnlySpan<byte> block, Span<ulong> maps, int used, Span<byte> copy)
    {
        var low = Vector256.Create(block);
        var high = Vector256.Create(block[HalfWord..]);
        low.CopyTo(copy);
        high.CopyTo(copy[HalfWord..]);
        var shift = BytesPerWord - used;
        var blanks = (Blanks(low) | ((ulong)Blanks(high) << HalfWord)) >> shift;
        var equals = (Matches(low, (byte)'=') | ((ulong)Matches(high, (byte)'=') << HalfWord)) >> shift;
        maps[ValueEnds] = blanks;
        maps[NameEnds] = blanks | equals;
        maps[Quotes] = (Matches(low, (byte)'"') | ((ulong)Matches(high, (byte)'"') << HalfWord)) >> shift;
    }

    private static uint Blanks(Vector256<byte> block) =>
        (Vector256.Equals(block, Vector256.Create((byte)' ')) | Vector256.Equals(block, Vector256.Create((byte)'\t'))).ExtractMostSignificantBits();

    private static uint Matches(Vector256<byte> block, byte value) => Vector256.Equals(block, Vector256.Create(value)).ExtractMostSignificantBits();
}
