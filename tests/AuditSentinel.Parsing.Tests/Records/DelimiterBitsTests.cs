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
    public void Marks_exactly_the_delimiters_of_a_line_byte_by_byte(int length)
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
        DelimiterBits.Mark(buffer.AsSpan(64, length), bits);

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
        DelimiterBits.Mark(bytes, bits);
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

    private static bool IsSet(ulong[] bits, int map, int position) => ((bits[(position / 64 * 3) + map] >> (position % 64)) & 1) == 1;
}
