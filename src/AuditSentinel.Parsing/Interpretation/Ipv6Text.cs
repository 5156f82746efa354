using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// IPv6 text exactly as glibc's <c>inet_ntop</c> writes it (and so auparse, through getnameinfo): the longest run of
/// two or more zero groups becomes <c>::</c> (the first on a tie), groups in lowercase hex, and <c>::a.b.c.d</c> /
/// <c>::ffff:a.b.c.d</c> for IPv4-compatible and IPv4-mapped addresses.
/// </summary>
internal static class Ipv6Text
{
    internal static string Format(ReadOnlySpan<byte> address)
    {
        Span<ushort> words = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt16BigEndian(address[(i * 2)..]);
        }

        var (bestBase, bestLength) = LongestZeroRun(words);
        var text = new StringBuilder(45);
        for (var i = 0; i < 8; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength)
            {
                if (i == bestBase)
                {
                    text.Append(':');
                }

                continue;
            }

            if (i != 0)
            {
                text.Append(':');
            }

            if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF)))
            {
                text.Append(CultureInfo.InvariantCulture, $"{address[12]}.{address[13]}.{address[14]}.{address[15]}");
                return text.ToString();
            }

            text.Append(words[i].ToString("x", CultureInfo.InvariantCulture));
        }

        if (bestBase >= 0 && bestBase + bestLength == 8)
        {
            text.Append(':');
        }

        return text.ToString();
    }

    private static (int Base, int Length) LongestZeroRun(ReadOnlySpan<ushort> words)
    {
        int bestBase = -1, bestLength = 0, currentBase = -1, currentLength = 0;
        for (var i = 0; i <= 8; i++)
        {
            if (i < 8 && words[i] == 0)
            {
                if (currentBase < 0)
                {
                    currentBase = i;
                    currentLength = 0;
                }

                currentLength++;
            }
            else if (currentBase >= 0)
            {
                if (currentLength > bestLength)
                {
                    (bestBase, bestLength) = (currentBase, currentLength);
                }

                currentBase = -1;
            }
        }

        return bestLength < 2 ? (-1, 0) : (bestBase, bestLength);
    }
}
