namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes a time as ISO 8601 UTC with milliseconds (<c>yyyy-MM-ddTHH:mm:ss.fffZ</c>), keeping the text of the last
/// second it wrote: rows come in time order and an event row has two times (TimeGenerated and EventTime), so the date
/// and the clock are nearly always those of the last time again and only the milliseconds are new. Not thread-safe.
/// </summary>
internal sealed class UtcTimestampText
{
    /// <summary>The length of the text, in bytes.</summary>
    internal const int Length = 24;

    private const int SecondLength = 20; // yyyy-MM-ddTHH:mm:ss.

    private readonly byte[] _second = new byte[SecondLength];
    private long _secondTicks = -1;

    /// <summary>Writes the text of <paramref name="value"/> to the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    internal void Write(Span<byte> destination, DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        var withinSecond = ticks % TimeSpan.TicksPerSecond;
        if (ticks - withinSecond != _secondTicks)
        {
            _secondTicks = ticks - withinSecond;
            FormatSecond(new DateTime(_secondTicks, DateTimeKind.Utc));
        }

        ShortCopy.Copy(_second, destination);
        Digits(destination.Slice(SecondLength, 3), (int)(withinSecond / TimeSpan.TicksPerMillisecond));
        destination[SecondLength + 3] = (byte)'Z';
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    // Digit by digit: a custom DateTime format string costs more than the rest of the row's scalar columns together.
    private void FormatSecond(DateTime utc)
    {
        utc.Deconstruct(out int year, out int month, out int day);
        var text = _second.AsSpan();
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = (byte)'.';
    }
}
