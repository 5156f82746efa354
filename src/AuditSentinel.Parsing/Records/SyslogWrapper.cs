namespace AuditSentinel.Parsing.Records;

/// <summary>Finds the host name in the syslog prefix of a forwarded audit line.</summary>
internal static class SyslogWrapper
{
    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    /// <summary>
    /// The host of <c>Nov 22 07:45:28 HOST prog: ...</c> (RFC 3164), <c>2026-11-22T07:45:28Z HOST prog: ...</c>
    /// (ISO time first) or <c>&lt;13&gt;1 2026-11-22T07:45:28Z HOST ...</c> (RFC 5424); empty when the prefix is none of these.
    /// </summary>
    internal static ReadOnlySpan<byte> Host(ReadOnlySpan<byte> prefix)
    {
        if (prefix.IsEmpty)
        {
            return [];
        }

        var first = Word(prefix, 0);
        int hostWord;
        if (first.Length == 3 && IsMonth(first))
        {
            hostWord = 3;
        }
        else if (first.Length > 0 && first[0] == (byte)'<')
        {
            hostWord = 2;
        }
        else if (first.Length >= 10 && char.IsAsciiDigit((char)first[0]) && first[4] == (byte)'-')
        {
            hostWord = 1;
        }
        else
        {
            return [];
        }

        var host = Word(prefix, hostWord);
        return host.Length > 0 && host[^1] == (byte)':' ? [] : host;
    }

    private static bool IsMonth(ReadOnlySpan<byte> word)
    {
        for (var m = 0; m < 12; m++)
        {
            if (Months.Slice(m * 3, 3).SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> text, int index)
    {
        var i = 0;
        for (var w = 0; ; w++)
        {
            while (i < text.Length && text[i] == (byte)' ')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && text[i] != (byte)' ')
            {
                i++;
            }

            if (start == i)
            {
                return [];
            }

            if (w == index)
            {
                return text[start..i];
            }
        }
    }
}
