using System.Globalization;
using System.Text;

namespace AuditSentinel.Parsing.Tests.Tty;

/// <summary>
/// Writes TTY and USER_TTY records as the kernel formats them (TTY data in hex; USER_TTY data quoted when every byte
/// is printable and neither space nor quote, hex otherwise) around keystrokes drawn from a seeded generator.
/// </summary>
internal static class GeneratedTtyLog
{
    private static readonly string[] Pieces =
    [
        "\u001B[A", "\u001B[B", "\u001B[C", "\u001B[D", "\u001BOA", "\u001B[3~", "\u001B[1;2A", "\u001B[11;2~", "\u001B[200z",
        "\u001BO2P", "\u001B[[A", "\u001B\t", "\u001B", "\u001B[", "\u001B[1", "\u001BO", "\u009BM", "\u009B1~", "\u008FA",
        "\u009B", "\u008F", "\r", "\n", "\u0003", "\u0015", "\u0017", "\u007F", "\b", "\t", "\"", "\\", "\\\"", "ls -l",
        "sudo -s", "echo \"a\\b\"", "caf\u00E9", "\u65E5\u672C", "\uD83D\uDE00",
    ];

    // Values the kernel never writes but aureport still reads: lowercase hex, an odd trailing digit (ignored), (null).
    private static readonly string[] OddValues = ["6c73202d6c0d", "6C730", "(null)"];

    /// <summary>The log bytes: <paramref name="records"/> records with distinct serials.</summary>
    public static byte[] Write(int seed, int records)
    {
        var random = new Random(seed);
        var log = new StringBuilder();
        for (var serial = 1; serial <= records; serial++)
        {
            var time = string.Create(CultureInfo.InvariantCulture, $"{1795333000 + serial}.{serial % 1000:D3}:{serial}");
            var value = serial switch
            {
                1 => Convert.ToHexString(AllByteValues()),
                2 => UntrustedString(@"C:\dir\x\"u8.ToArray()),
                <= 5 => OddValues[serial - 3],
                _ => serial % 5 == 0 ? UntrustedString(Keystrokes(random)) : Convert.ToHexString(Keystrokes(random)),
            };
            if (serial % 5 is 0 or 2)
            {
                log.Append(CultureInfo.InvariantCulture, $"type=USER_TTY msg=audit({time}): pid={serial} uid=0 auid=1000 ses=3 subj=unconfined data={value}\n");
            }
            else
            {
                log.Append(CultureInfo.InvariantCulture, $"type=TTY msg=audit({time}): tty pid={serial} uid=1000 auid=1000 ses=3 major=136 minor=0 comm=\"bash\" data={value}\n");
            }
        }

        return Encoding.ASCII.GetBytes(log.ToString());
    }

    /// <summary>Arbitrary keystrokes: raw random bytes, named sequences and their prefixes, UTF-8, quotes, long runs.</summary>
    public static byte[] Keystrokes(Random random)
    {
        var bytes = new List<byte>();
        var pieces = random.Next(1, 40);
        for (var i = 0; i < pieces; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    for (var n = random.Next(1, 12); n > 0; n--)
                    {
                        bytes.Add((byte)random.Next(256));
                    }

                    break;
                case 1:
                    bytes.AddRange(Encoding.Latin1.GetBytes(Pieces[random.Next(Pieces.Length)].Where(c => c <= 0xFF).ToArray()));
                    break;
                case 2:
                    bytes.AddRange(Encoding.UTF8.GetBytes(Pieces[random.Next(Pieces.Length)]));
                    break;
                case 3:
                    bytes.AddRange(Enumerable.Repeat((byte)random.Next(0x20, 0x7F), random.Next(1, 300)));
                    break;
                default:
                    for (var n = random.Next(1, 20); n > 0; n--)
                    {
                        bytes.Add((byte)random.Next(0x20, 0x7F));
                    }

                    break;
            }
        }

        if (bytes.Count == 0)
        {
            bytes.Add((byte)'x');
        }

        return bytes.Count > 3000 ? bytes.GetRange(0, 3000).ToArray() : bytes.ToArray();
    }

    private static byte[] AllByteValues() => Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

    // audit_log_n_untrustedstring: hex when any byte is a quote, below 0x21 or above 0x7E; quoted otherwise.
    private static string UntrustedString(byte[] data) =>
        data.Any(b => b is (byte)'"' or < 0x21 or > 0x7E) ? Convert.ToHexString(data) : "\"" + Encoding.ASCII.GetString(data) + "\"";
}
