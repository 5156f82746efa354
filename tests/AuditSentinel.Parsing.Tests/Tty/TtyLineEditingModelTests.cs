using System.Text;
using AuditSentinel.Parsing.Tty;

namespace AuditSentinel.Parsing.Tests.Tty;

/// <summary>The reconstruction against <see cref="ReconstructionModel"/> on edit sequences built to reach every edge.</summary>
public class TtyLineEditingModelTests
{
    // Text (ASCII, blanks, UTF-8 of two to four bytes, stray continuation and lead bytes) and every key the editor
    // applies, in several spellings, with the keys it only flags and the terminators.
    private static readonly byte[][] Pieces =
    [
        .. new[] { "a", "xyz", " ", "  ", "ls -l", "caf\u00E9", "\u20AC", "\uD83D\uDE00" }.Select(Encoding.UTF8.GetBytes),
        [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0x9B],
        .. new[]
        {
            "\u001B[D", "\u001BOD", "\u0002", "\u001B[C", "\u001BOC", "\u0006", "\u0001", "\u001B[H", "\u001B[1~", "\u0005",
            "\u001B[F", "\u001B[4~", "\u007F", "\u0008", "\u001B[3~", "\u001BP", "\u0015", "\u000B", "\u0017", "\t",
            "\u001B[A", "\u0010", "\u0012", "\u001B", "\u000C", "\u001C", "\u001B[11~", "\r", "\n", "\u0003",
        }.Select(Encoding.Latin1.GetBytes),
    ];

    [Fact]
    public void Random_edit_sequences_give_the_models_lines()
    {
        var random = new Random(20261130);
        for (var i = 0; i < 3_000; i++)
        {
            var data = new List<byte>();
            for (var pieces = random.Next(1, 120); pieces > 0; pieces--)
            {
                data.AddRange(Pieces[random.Next(Pieces.Length)]);
            }

            AssertSameLines([.. data]);
        }
    }

    [Theory]
    // Every key typed at the start of the line: each insert lands before all the text.
    [InlineData("a\u001B[D")]
    [InlineData("a\u0001b\u0005")]
    // Erasing at the start, at the end, and moving off both ends.
    [InlineData("\u007F\u001B[3~\u001B[D\u001B[C\u0017\u0015\u000Bab")]
    [InlineData("ab\u0001\u001B[3~\u0005\u007F\u001B[D")]
    // UTF-8 characters stepped over and erased a character at a time, with stray continuation bytes.
    [InlineData("\u00E9\u20AC\u001B[D\u001B[D\u001B[3~\u0001\u001B[C\u007F")]
    public void Repeated_edits_give_the_models_lines(string piece)
    {
        var bytes = Encoding.UTF8.GetBytes(piece);
        var data = Enumerable.Repeat(bytes, 8 * 1024 / bytes.Length).SelectMany(b => b).ToArray();

        AssertSameLines(data);
    }

    private static void AssertSameLines(byte[] data)
    {
        var expected = ReconstructionModel.Reconstruct(data);
        var lines = TtyLineReconstructor.Reconstruct(data);
        if (!expected.SequenceEqual(lines))
        {
            Assert.Fail($"{Convert.ToHexString(data)}\nmodel: {string.Join(" | ", expected)}\nours:  {string.Join(" | ", lines)}");
        }
    }
}
