using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes a time as ISO 8601 UTC with milliseconds (<c>yyyy-MM-ddTHH:mm:ss.fffZ</c>), keeping the text of the last
/// time it wrote: an event row has two equal times (TimeGenerated and EventTime), which then cost one copy, and rows
/// come in time order, so a new millisecond nearly always falls in the last second again and only its three digits
/// are written. Not thread-safe.
/// </summary>
internal sealed class UtcTimestampText
{
    /// <summary>The length of the text, in bytes.</summary>
    internal const int Length = 24;

    private const int SecondLength = 20; // yyyy-MM-ddTHH:mm:ss.
    private const long MillisecondsPerSecond = 1000;

    private readonly byte[] _text = new byte[Length];
    private long _millisecond = -1;
    private long _second = -1;

    /// <summary>Writes the text of <paramref name="value"/> to the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    internal void Write(Span<byte> destination, DateTimeOffset value)
    {
        var millisecond = value.UtcTicks / TimeSpan.TicksPerMillisecond;
        if (millisecond != _millisecond)
        {
            Remember(millisecond);
        }

        // The text's fixed 24 bytes as one 16-byte and one 8-byte copy: a copy of any length would choose its way first.
        Vector128.Create(_text.AsSpan(0, Vector128<byte>.Count)).CopyTo(destination);
        MemoryMarshal.Write(destination[Vector128<byte>.Count..], MemoryMarshal.Read<ulong>(_text.AsSpan(Vector128<byte>.Count, sizeof(ulong))));
    }

    private void Remember(long millisecond)
    {
        _millisecond = millisecond;
        var withinSecond = millisecond % MillisecondsPerSecond;
        if (millisecond - withinSecond != _second)
        {
            _second = millisecond - withinSecond;
            FormatSecond(new DateTime(_second * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc));
        }

        var milliseconds = (int)withinSecond;
        _text[SecondLength] = (byte)('0' + (milliseconds / 100));
        _text[SecondLength + 1] = (byte)('0' + (milliseconds / 10 % 10));
        _text[SecondLength + 2] = (byte)('0' + (milliseconds % 10));
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
        var text = _text.AsSpan();
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
        text[Length - 1] = (byte)'Z';
    }
}
