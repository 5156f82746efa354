using System.Buffers.Text;

namespace AuditSentinel.Cli.Generation;

/// <summary>A real log line cut where a generated copy differs: the host, the audit stamp, the session ids.</summary>
internal sealed class TemplateLine
{
    private TemplateLine(byte[] text, int bodyStart, long seconds, int millis, ulong serial, List<(int Start, int Length, long Session)> sessions)
    {
        Text = text;
        BodyStart = bodyStart;
        Seconds = seconds;
        Millis = millis;
        Serial = serial;
        Sessions = sessions;
    }

    /// <summary>The line from <c>type=</c> on (any host prefix removed).</summary>
    internal byte[] Text { get; }

    /// <summary>Where the text after <c>audit(...)</c> starts.</summary>
    internal int BodyStart { get; }

    internal long Seconds { get; }

    internal int Millis { get; }

    internal ulong Serial { get; }

    /// <summary>Set session values (<c>ses=</c>, <c>old-ses=</c>) and where they stand in <see cref="Text"/>.</summary>
    internal IReadOnlyList<(int Start, int Length, long Session)> Sessions { get; }

    /// <summary>Cuts a raw-format line; null for lines that are not raw audit records (those are not templates).</summary>
    internal static TemplateLine? TryCut(ReadOnlySpan<byte> line)
    {
        var typeAt = line.IndexOf("type="u8);
        if (typeAt < 0)
        {
            return null;
        }

        var text = line[typeAt..].ToArray();
        var open = text.AsSpan().IndexOf("audit("u8);
        var close = open < 0 ? -1 : text.AsSpan(open).IndexOf((byte)')');
        if (open < 0 || close < 0)
        {
            return null;
        }

        var stamp = text.AsSpan(open + 6, close - 6);
        var dot = stamp.IndexOf((byte)'.');
        var colon = stamp.IndexOf((byte)':');
        if (dot < 0 || colon < dot
            || !Utf8Parser.TryParse(stamp[..dot], out long seconds, out _)
            || !Utf8Parser.TryParse(stamp[(dot + 1)..colon], out int millis, out _)
            || !Utf8Parser.TryParse(stamp[(colon + 1)..], out ulong serial, out _))
        {
            return null;
        }

        var bodyStart = open + close + 1;
        return new TemplateLine(text, bodyStart, seconds, millis, serial, FindSessions(text, bodyStart));
    }

    private static List<(int, int, long)> FindSessions(byte[] text, int from)
    {
        var found = new List<(int, int, long)>();
        var span = text.AsSpan();
        var at = from;
        while (true)
        {
            var next = span[at..].IndexOf("ses="u8);
            if (next < 0)
            {
                return found;
            }

            var valueStart = at + next + 4;
            var nameOk = at + next == 0 || span[at + next - 1] is (byte)' ' or (byte)'-';
            var valueEnd = valueStart;
            while (valueEnd < span.Length && char.IsAsciiDigit((char)span[valueEnd]))
            {
                valueEnd++;
            }

            if (nameOk && Utf8Parser.TryParse(span[valueStart..valueEnd], out long session, out _) && session is > 0 and < uint.MaxValue)
            {
                found.Add((valueStart, valueEnd - valueStart, session));
            }

            at = valueEnd;
        }
    }
}
