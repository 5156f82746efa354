using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace AuditSentinel.Parsing.Records;

/// <summary>Parses the inside of <c>audit(...)</c>: <c>1795333528.777:6918</c> or ausearch's <c>11/22/26 07:45:28.777:6918</c>.</summary>
internal static class AuditStamp
{
    // 9999-12-31T23:59:59Z, the last second a DateTimeOffset holds: a later stamp could not become a row's time.
    private const long LatestSeconds = 253_402_300_799;

    internal static bool TryParseRaw(ReadOnlySpan<byte> stamp, out AuditTimestamp timestamp, out ulong serial) =>
        (TryParseKernelStamp(stamp, out timestamp, out serial) || TryParseAnyRaw(stamp, out timestamp, out serial))
        && timestamp.Seconds <= LatestSeconds;

    /// <summary>The general reading of a raw stamp, for any form <see cref="TryParseKernelStamp"/> leaves to it.</summary>
    internal static bool TryParseAnyRaw(ReadOnlySpan<byte> stamp, out AuditTimestamp timestamp, out ulong serial)
    {
        timestamp = default;
        serial = 0;
        var dot = stamp.IndexOf((byte)'.');
        var colon = stamp.IndexOf((byte)':');
        if (dot <= 0 || colon != dot + 4
            || !TryParseSeconds(stamp[..dot], out var seconds)
            || !TryParseMillis(stamp.Slice(dot + 1, 3), out var millis)
            || !TryParseSerial(stamp[(colon + 1)..], out serial))
        {
            return false;
        }

        timestamp = new AuditTimestamp(seconds, millis);
        return true;
    }

    /// <summary>
    /// The form the kernel writes, digits.ddd:digits with at most 18 digits each side, in one pass; false for anything
    /// else, which <see cref="TryParseAnyRaw"/> reads (and reads alike for this form).
    /// </summary>
    internal static bool TryParseKernelStamp(ReadOnlySpan<byte> stamp, out AuditTimestamp timestamp, out ulong serial)
    {
        var end = KernelStampEnd(stamp, out timestamp, out serial);
        return end > 0 && end == stamp.Length;
    }

    /// <summary>
    /// <see cref="TryParseRaw"/> of the kernel's form read in place, with no search for the closing parenthesis: the
    /// stamp starts at <paramref name="start"/> in <paramref name="line"/> and ends at the ')' right after its serial
    /// (<paramref name="close"/>). False for anything else, which the general reading of the stamp decides.
    /// </summary>
    internal static bool TryReadKernelStamp(ReadOnlySpan<byte> line, int start, out AuditTimestamp timestamp, out ulong serial, out int close)
    {
        close = start + KernelStampEnd(line[start..], out timestamp, out serial);
        return close > start && close < line.Length && line[close] == (byte)')' && timestamp.Seconds <= LatestSeconds;
    }

    // Where the kernel's form, digits.ddd:digits with 1 to 18 digits each side, ends at the start of the text; 0 when the
    // text does not start with it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int KernelStampEnd(ReadOnlySpan<byte> text, out AuditTimestamp timestamp, out ulong serial)
    {
        timestamp = default;
        serial = 0;
        var dot = LeadingDigits(text, out var seconds);
        if (dot is 0 or > 18 || text.Length - dot < 6 || text[dot] != (byte)'.' || text[dot + 4] != (byte)':'
            || LeadingDigits(text.Slice(dot + 1, 3), out var millis) != 3)
        {
            return 0;
        }

        var serialDigits = LeadingDigits(text[(dot + 5)..], out serial);
        if (serialDigits is 0 or > 18)
        {
            return 0;
        }

        timestamp = new AuditTimestamp((long)seconds, (int)millis);
        return dot + 5 + serialDigits;
    }

    // The number of digits that start the text and, in value, what they read (meaningful up to 19 digits). Inlined:
    // a stamp reads three runs of digits, and the call cost about as much as a short run.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LeadingDigits(ReadOnlySpan<byte> text, out ulong value)
    {
        // Summed in a local: an out parameter lives in memory, and would be stored on every digit.
        var sum = 0UL;
        var i = 0;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                break;
            }

            sum = (sum * 10) + digit;
        }

        value = sum;
        return i;
    }

    // ausearch -i prints local time as MM/DD/YY HH:MM:SS.mmm; the project reads it as UTC (run ausearch with TZ=UTC).
    internal static bool TryParseInterpreted(ReadOnlySpan<byte> stamp, out AuditTimestamp timestamp, out ulong serial)
    {
        timestamp = default;
        serial = 0;
        if (stamp.Length < 23 || stamp[2] != (byte)'/' || stamp[5] != (byte)'/' || stamp[8] != (byte)' '
            || stamp[11] != (byte)':' || stamp[14] != (byte)':' || stamp[17] != (byte)'.' || stamp[21] != (byte)':')
        {
            return false;
        }

        if (!TwoDigits(stamp, 0, out var month) || !TwoDigits(stamp, 3, out var day) || !TwoDigits(stamp, 6, out var year)
            || !TwoDigits(stamp, 9, out var hour) || !TwoDigits(stamp, 12, out var minute) || !TwoDigits(stamp, 15, out var second)
            || !TryParseMillis(stamp.Slice(18, 3), out var millis)
            || !TryParseSerial(stamp[22..], out serial)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000 + year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var time = new DateTimeOffset(2000 + year, month, day, hour, minute, Math.Min(second, 59), TimeSpan.Zero);
        timestamp = new AuditTimestamp(time.ToUnixTimeSeconds(), millis);
        return true;
    }

    // Every stamp the kernel writes is plain digits, read here by hand; anything else (a sign, an overflow) goes to
    // Utf8Parser, whose rules decide as before.
    private static bool TryParseSeconds(ReadOnlySpan<byte> text, out long seconds)
    {
        if (TryParseDigits(text, out var digits))
        {
            seconds = (long)digits;
            return true;
        }

        return Utf8Parser.TryParse(text, out seconds, out var used) && used == text.Length && seconds >= 0;
    }

    private static bool TryParseMillis(ReadOnlySpan<byte> text, out int millis)
    {
        if (TryParseDigits(text, out var digits))
        {
            millis = (int)digits;
            return true;
        }

        return Utf8Parser.TryParse(text, out millis, out var used) && used == text.Length;
    }

    private static bool TryParseSerial(ReadOnlySpan<byte> text, out ulong serial)
    {
        if (TryParseDigits(text, out serial))
        {
            return true;
        }

        return Utf8Parser.TryParse(text, out serial, out var used) && used == text.Length && text.Length > 0;
    }

    // Plain digits, at most 18 of them: they cannot overflow.
    private static bool TryParseDigits(ReadOnlySpan<byte> text, out ulong value) =>
        (text.Length is >= 1 and <= 18) & LeadingDigits(text, out value) == text.Length;

    private static bool TwoDigits(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        var high = text[at] - '0';
        var low = text[at + 1] - '0';
        if ((uint)high > 9 || (uint)low > 9)
        {
            return false;
        }

        value = (high * 10) + low;
        return true;
    }
}
