using System.Globalization;
using System.Text;

namespace AuditSentinel.Cli.Generation;

/// <summary>
/// Builds a large, realistic log from real ones: the template's lines are written again and again, each round for
/// another host (<c>node=host-NNNN</c>), later in time, with serials and session ids shifted so every copy is a
/// distinct, well-formed event stream (interleaving, ENRICHED parts, TTY records all kept as recorded).
/// </summary>
internal sealed class CorpusGenerator
{
    private const int RoundGapSeconds = 60;
    private readonly IReadOnlyList<TemplateLine> _template;
    private readonly long _spanSeconds;
    private readonly ulong _serialSpan;

    internal CorpusGenerator(IReadOnlyList<TemplateLine> template)
    {
        if (template.Count == 0)
        {
            throw new ArgumentException("The template has no raw audit records.", nameof(template));
        }

        _template = template;
        _spanSeconds = template.Max(l => l.Seconds) - template.Min(l => l.Seconds) + RoundGapSeconds;
        _serialSpan = template.Max(l => l.Serial) - template.Min(l => l.Serial) + 1;
    }

    /// <summary>Reads template lines from a log (lines that are not raw records are left out).</summary>
    internal static async Task<CorpusGenerator> FromLogAsync(Stream log, CancellationToken cancellationToken)
    {
        var template = new List<TemplateLine>();
        await using var reader = await Parsing.Input.LogLineReader.OpenAsync(log, cancellationToken: cancellationToken);
        while (await reader.FillAsync(cancellationToken))
        {
            while (reader.TryReadLine(out var line))
            {
                if (TemplateLine.TryCut(line.Bytes.Span) is { } cut)
                {
                    template.Add(cut);
                }
            }
        }

        return new CorpusGenerator(template);
    }

    /// <summary>Writes rounds of the template until at least <paramref name="targetBytes"/> are written.</summary>
    /// <returns>The bytes and lines written.</returns>
    internal (long Bytes, long Lines) Write(Stream output, long targetBytes, int hosts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hosts, 1);
        var buffer = new BufferedStream(output, 1 << 20);
        long bytes = 0, lines = 0;
        Span<byte> scratch = stackalloc byte[64];
        for (long round = 0; bytes < targetBytes; round++)
        {
            var host = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"node=host-{round % hosts:D4} "));
            var generation = round / hosts;
            var secondsShift = generation * _spanSeconds;
            var serialShift = (ulong)generation * _serialSpan;
            var sessionShift = generation * 1000;
            foreach (var line in _template)
            {
                buffer.Write(host);
                var text = line.Text.AsSpan();
                var stampStart = text.IndexOf("audit("u8) + 6;
                buffer.Write(text[..stampStart]);
                var stamp = string.Create(CultureInfo.InvariantCulture, $"{line.Seconds + secondsShift}.{line.Millis:D3}:{line.Serial + serialShift})");
                var stampBytes = scratch[..Encoding.ASCII.GetBytes(stamp, scratch)];
                buffer.Write(stampBytes);
                var written = host.Length + stampStart + stampBytes.Length;
                var at = line.BodyStart;
                foreach (var (start, length, session) in line.Sessions)
                {
                    buffer.Write(text[at..start]);
                    var shifted = scratch[..Encoding.ASCII.GetBytes((session + sessionShift).ToString(CultureInfo.InvariantCulture), scratch)];
                    buffer.Write(shifted);
                    written += start - at + shifted.Length;
                    at = start + length;
                }

                buffer.Write(text[at..]);
                buffer.WriteByte((byte)'\n');
                bytes += written + text.Length - at + 1;
                lines++;
            }
        }

        buffer.Flush();
        return (bytes, lines);
    }
}
