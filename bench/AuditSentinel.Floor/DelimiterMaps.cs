using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Floor;

/// <summary>
/// Where a block's delimiters stand, one bit per byte, four maps interleaved word by word: marked once per block with
/// vector compares, so each name, value and escape is found by a shift and a trailing-zero count. Every map holds the
/// line ends (controls, for <see cref="Escapes"/>), so a search that starts inside a line of the block stops at that
/// line's end at the latest and needs no bound.
/// </summary>
internal sealed class DelimiterMaps
{
    /// <summary>Ends of names: blanks (space, tab, 0x1D before the ENRICHED part), '=', line ends.</summary>
    internal const int NameEnds = 0;

    /// <summary>Ends of bare values: blanks and line ends.</summary>
    internal const int ValueEnds = 1;

    /// <summary>Ends of quoted values: double quotes and line ends.</summary>
    internal const int QuoteEnds = 2;

    /// <summary>Bytes JSON does not take as they are: '"', '\', controls (line ends among them) and non-ASCII.</summary>
    internal const int Escapes = 3;

    /// <summary>Bytes per word of a map, and the multiple a marked length is rounded up to.</summary>
    internal const int BytesPerWord = 64;

    private const int Maps = 4;
    private const int HalfWord = 32;

    private ulong[] _words = [];

    /// <summary>
    /// Marks the words that cover <paramref name="length"/> bytes of <paramref name="block"/>, which must hold that
    /// length rounded up to <see cref="BytesPerWord"/> (the bytes past the length are marked too and never reached).
    /// </summary>
    internal void Mark(ReadOnlySpan<byte> block, int length)
    {
        var words = (length + BytesPerWord - 1) / BytesPerWord;
        if (_words.Length < words * Maps)
        {
            _words = new ulong[words * Maps];
        }

        var maps = _words.AsSpan();
        for (var word = 0; word < words; word++)
        {
            MarkWord(block.Slice(word * BytesPerWord, BytesPerWord), maps.Slice(word * Maps, Maps));
        }
    }

    /// <summary>The first position at or after <paramref name="from"/> whose bit is set in <paramref name="map"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Next(int map, int from)
    {
        // A shift of a 64-bit number takes the low 6 bits of the count, so "from" needs no masking.
        var rest = _words[((from >> 6) * Maps) + map] >> from;
        return rest != 0 ? from + BitOperations.TrailingZeroCount(rest) : NextInLaterWords(map, from);
    }

    private int NextInLaterWords(int map, int from)
    {
        for (var word = (from >> 6) + 1; ; word++)
        {
            var found = _words[(word * Maps) + map];
            if (found != 0)
            {
                return (word * BytesPerWord) + BitOperations.TrailingZeroCount(found);
            }
        }
    }

    // Each map is built as vectors and moved to bits once: a move of each byte's top bit costs more than a compare.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MarkWord(ReadOnlySpan<byte> block, Span<ulong> maps)
    {
        var low = Vector256.Create(block);
        var high = Vector256.Create(block[HalfWord..]);
        var lowLineEnds = Vector256.Equals(low, Vector256.Create((byte)'\n'));
        var highLineEnds = Vector256.Equals(high, Vector256.Create((byte)'\n'));
        var lowBlanks = Blanks(low) | lowLineEnds;
        var highBlanks = Blanks(high) | highLineEnds;
        var lowQuotes = Vector256.Equals(low, Vector256.Create((byte)'"'));
        var highQuotes = Vector256.Equals(high, Vector256.Create((byte)'"'));
        maps[NameEnds] = Bits(lowBlanks | Vector256.Equals(low, Vector256.Create((byte)'=')), highBlanks | Vector256.Equals(high, Vector256.Create((byte)'=')));
        maps[ValueEnds] = Bits(lowBlanks, highBlanks);
        maps[QuoteEnds] = Bits(lowQuotes | lowLineEnds, highQuotes | highLineEnds);
        maps[Escapes] = Bits(lowQuotes | Unprintable(low), highQuotes | Unprintable(high));
    }

    private static Vector256<byte> Blanks(Vector256<byte> block) =>
        Vector256.Equals(block, Vector256.Create((byte)' ')) | Vector256.Equals(block, Vector256.Create((byte)'\t')) | Vector256.Equals(block, Vector256.Create((byte)0x1D));

    // The backslash, controls and non-ASCII: the bytes outside 0x20..0x7F as one unsigned compare after moving 0x20 to zero.
    private static Vector256<byte> Unprintable(Vector256<byte> block) =>
        Vector256.Equals(block, Vector256.Create((byte)'\\')) | Vector256.GreaterThanOrEqual(block - Vector256.Create((byte)0x20), Vector256.Create((byte)0x60));

    private static ulong Bits(Vector256<byte> low, Vector256<byte> high) =>
        low.ExtractMostSignificantBits() | ((ulong)high.ExtractMostSignificantBits() << HalfWord);
}
