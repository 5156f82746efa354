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
        var buffer = Enumerable.Repeat((byte)' ', length + 128).ToArray();
        line.CopyTo(buffer, 64);
        var words = DelimiterBits.WordsFor(length);
        var valueEnds = new ulong[words];
        var nameEnds = new ulong[words];
        DelimiterBits.Mark(buffer.AsSpan(64, length), valueEnds, nameEnds);

        for (var i = 0; i < words * 64; i++)
        {
            var isBlank = i < length && line[i] is (byte)' ' or (byte)'\t';
            var isEquals = i < length && line[i] == (byte)'=';
            Assert.Equal(isBlank, ((valueEnds[i / 64] >> (i % 64)) & 1) == 1);
            Assert.Equal(isBlank || isEquals, ((nameEnds[i / 64] >> (i % 64)) & 1) == 1);
        }
    }
}
