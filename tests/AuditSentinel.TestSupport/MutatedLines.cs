using System.Text;

namespace AuditSentinel.TestSupport;

/// <summary>
/// Lines of the fixture logs changed the ways that trip parsers and writers (a byte flipped, a quote, 0x1D, a backslash,
/// a control or non-ASCII byte, '=' or a blank inserted, a cut, a repeated piece), from a fixed seed so that every run
/// reads the same lines: for comparing a fast path with the general one where no fixture line goes.
/// </summary>
public static class MutatedLines
{
    private static readonly byte[][] Inserts =
    [
        "\""u8.ToArray(), [0x1D], "\\"u8.ToArray(), "\u00e9"u8.ToArray(), [0xFF], [0x80], [0x00], [0x01], [0x7F], "\t"u8.ToArray(),
        "="u8.ToArray(), " "u8.ToArray(), "'"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "("u8.ToArray(), ")"u8.ToArray(),
        ","u8.ToArray(), ":"u8.ToArray(), "?"u8.ToArray(), "=\""u8.ToArray(), "\"\""u8.ToArray(), "A"u8.ToArray(), "0"u8.ToArray(),
        "node="u8.ToArray(), "type="u8.ToArray(),
    ];

    /// <summary><paramref name="count"/> changed lines of the fixture logs, the same ones for the same <paramref name="seed"/>.</summary>
    public static IEnumerable<byte[]> Of(int seed, int count)
    {
        var lines = RepoPaths.FixtureLogs().SelectMany(log => File.ReadLines(RepoPaths.Fixture(log))).Where(line => line.Length > 0)
            .Select(Encoding.UTF8.GetBytes).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var line = new List<byte>(lines[random.Next(lines.Length)]);
            for (var changes = random.Next(1, 4); changes > 0; changes--)
            {
                Change(line, random);
            }

            yield return [.. line];
        }
    }

    private static void Change(List<byte> line, Random random)
    {
        var at = random.Next(line.Count + 1);
        switch (random.Next(6))
        {
            case 0 when at < line.Count:
                line[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                line.RemoveRange(at, line.Count - at);
                break;
            case 2 when at < line.Count:
                line.RemoveAt(at);
                break;
            case 3:
                var from = random.Next(line.Count + 1);
                line.InsertRange(at, line.GetRange(Math.Min(from, at), Math.Min(Math.Abs(at - from), 64)));
                break;
            default:
                line.InsertRange(at, Inserts[random.Next(Inserts.Length)]);
                break;
        }
    }
}
