using System.Globalization;
using System.Text;
using AuditSentinel.Tables.Rows;
using FsCheck;
using FsCheck.Fluent;

namespace AuditSentinel.Tables.Tests;

/// <summary>The remembered second must never leak into another time: each text is compared with .NET's own formatting.</summary>
public class UtcTimestampTextTests
{
    [Fact]
    public void Times_in_any_order_within_and_across_seconds_are_written_as_the_format_string_writes_them()
    {
        var text = new UtcTimestampText();
        var destination = new byte[UtcTimestampText.Length];
        var start = new DateTimeOffset(2026, 11, 22, 7, 45, 28, 777, TimeSpan.Zero);
        Prop.ForAll<long[], short>((steps, offsetMinutes) =>
        {
            var time = start;
            foreach (var step in steps)
            {
                // Steps from a tick to days, forwards and back; in any offset, which must not show.
                time = time.AddTicks(step % (TimeSpan.TicksPerDay * 400)).ToOffset(TimeSpan.FromMinutes(offsetMinutes % 840));
                text.Write(destination, time);
                var expected = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                Assert.Equal(expected, Encoding.ASCII.GetString(destination));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_time_written_again_within_its_millisecond_or_after_another_time_is_written_as_the_format_string_writes_it()
    {
        // The remembered text is reused only for the same millisecond: ticks within it, the same time twice (a row's
        // TimeGenerated and EventTime), and times that go back and forth across a millisecond and a second.
        var text = new UtcTimestampText();
        var destination = new byte[UtcTimestampText.Length];
        var start = new DateTimeOffset(2026, 11, 22, 7, 45, 28, 999, TimeSpan.Zero);
        long[] ticks = [0, 0, 1, TimeSpan.TicksPerMillisecond - 1, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerMillisecond - 1, 0, -1, -1, TimeSpan.TicksPerSecond, 0];
        foreach (var tick in ticks)
        {
            var time = start.AddTicks(tick);
            text.Write(destination, time);
            Assert.Equal(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(destination));
        }
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.999Z")]
    [InlineData("2024-02-29T23:59:59.999Z")]
    [InlineData("2026-11-22T07:45:28.007Z")]
    public void Edges_of_the_calendar_are_written_as_they_read(string expected)
    {
        var time = DateTimeOffset.ParseExact(expected, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var destination = new byte[UtcTimestampText.Length];
        new UtcTimestampText().Write(destination, time);
        Assert.Equal(expected, Encoding.ASCII.GetString(destination));
    }
}
