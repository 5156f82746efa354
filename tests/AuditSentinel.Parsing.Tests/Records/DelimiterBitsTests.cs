using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Tests.Records;

public class DelimiterBitsTests
{
    // Every length up to a few words: shorter than one word (the padded copy), exact multiples (no tail) and tails
    // read in place from the line's last 64 bytes.
    public static TheoryData<int> Lengths()
    {
        var lengths = new TheoryData<int>();
        for (var length = 0; length <= 200; length++)
        {
            lengths.Add(length);
        }

        return lengths;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Marks_exactly_the_delimiters_of_a_line_byte_by_byte_and_copies_it(int length)
    {
        var random = new Random(length);
        var alphabet = "ab= \t\"'{}x"u8.ToArray();
        var line = new byte[length];
        for (var i = 0; i < length; i++)
        {
            line[i] = alphabet[random.Next(alphabet.Length)];
        }

        // The line sits inside a larger buffer whose neighbouring bytes are delimiters: none of them may be marked.
        var buffer = Enumerable.Range(0, length + 128).Select(i => "\" ="u8[i % 3]).ToArray();
        line.CopyTo(buffer, 64);
        var bits = new ulong[DelimiterBits.WordsFor(length)];
        // The copy, too, sits between bytes it must not write.
        var copy = Enumerable.Repeat((byte)'#', length + 128).ToArray();
        DelimiterBits.Mark(buffer.AsSpan(64, length), bits, copy.AsSpan(64, length));

        Assert.Equal(line, copy[64..(64 + length)]);
        Assert.All(copy[..64].Concat(copy[(64 + length)..]), b => Assert.Equal((byte)'#', b));

        for (var i = 0; i < bits.Length / 3 * 64; i++)
        {
            var isBlank = i < length && line[i] is (byte)' ' or (byte)'\t';
            var isEquals = i < length && line[i] == (byte)'=';
            Assert.Equal(isBlank, IsSet(bits, DelimiterBits.ValueEnds, i));
            Assert.Equal(isBlank || isEquals, IsSet(bits, DelimiterBits.NameEnds, i));
            Assert.Equal(i < length && line[i] == (byte)'"', IsSet(bits, DelimiterBits.Quotes, i));
        }
    }

    [Fact]
    public void Next_finds_the_first_mark_of_each_map_from_any_position_across_words()
    {
        var line = "a=\"b c\"" + new string('x', 100) + "d=e \"";
        var bytes = System.Text.Encoding.ASCII.GetBytes(line);
        var bits = new ulong[DelimiterBits.WordsFor(bytes.Length)];
        DelimiterBits.Mark(bytes, bits, new byte[bytes.Length]);
        foreach (var (map, marks) in new[] { (DelimiterBits.ValueEnds, " \t"), (DelimiterBits.NameEnds, " \t="), (DelimiterBits.Quotes, "\"") })
        {
            for (var from = 0; from <= bytes.Length; from++)
            {
                for (var to = from; to <= bytes.Length; to += 7)
                {
                    var expected = line.IndexOfAny(marks.ToCharArray(), from, to - from);
                    Assert.Equal(expected < 0 ? to : expected, DelimiterBits.Next(bits, map, from, to));
                }
            }
        }
    }

    [Fact]
    public void NextNear_answers_as_Next_within_two_words_and_minus_one_past_them()
    {
        // Marks far apart, so that some answers lie two words on; ends before, inside and past each word's edge.
        var bytes = Enumerable.Range(0, 300).Select(i => i is 3 or 70 or 250 ? (byte)' ' : (byte)'x').ToArray();
        var bits = new ulong[DelimiterBits.WordsFor(bytes.Length)];
        DelimiterBits.Mark(bytes, bits, new byte[bytes.Length]);
        for (var to = 0; to <= bytes.Length; to++)
        {
            // Maps cut to "to" hold all NextNear may read: any read past them fails the test.
            var cut = bits[..DelimiterBits.WordsFor(to)];
            for (var from = 0; from <= to; from++)
            {
                var expected = DelimiterBits.Next(bits, DelimiterBits.ValueEnds, from, to);
                var near = cut.Length == 0 ? to : DelimiterBits.NextNear(ref cut[0], DelimiterBits.ValueEnds, from, to);
                var withinTwoWords = expected < ((from / 64) + 2) * 64 || expected == to && to <= ((from / 64) + 2) * 64;
                Assert.Equal(withinTwoWords ? expected : -1, near);
            }
        }
    }

    [Fact]
    public void WordUpTo_gives_each_word_of_a_map_cut_at_the_end_with_the_end_marked_and_a_later_word_its_start()
    {
        // Lines of one, two and three words and one that ends on a word's edge; every end up to the line's length.
        foreach (var length in new[] { 40, 64, 100, 128, 170 })
        {
            var bytes = Enumerable.Range(0, length).Select(i => "a= \""u8[i % 4]).ToArray();
            var bits = new ulong[DelimiterBits.WordsFor(length)];
            DelimiterBits.Mark(bytes, bits, new byte[bytes.Length]);
            for (var to = 0; to <= length; to++)
            {
                for (var wordStart = 0; wordStart <= length + 64; wordStart += 64)
                {
                    var word = DelimiterBits.WordUpTo(bits, DelimiterBits.NameEnds, wordStart, to);
                    for (var bit = 0; bit < 64; bit++)
                    {
                        var position = wordStart + bit;
                        var expected = position == Math.Max(to, wordStart) || (position < to && bytes[position] is (byte)' ' or (byte)'=');
                        Assert.True(expected == (((word >> bit) & 1) == 1), $"length {length}, to {to}, position {position}");
                    }
                }
            }
        }
    }

    private static bool IsSet(ulong[] bits, int map, int position) => ((bits[(position / 64 * 3) + map] >> (position % 64)) & 1) == 1;
}
