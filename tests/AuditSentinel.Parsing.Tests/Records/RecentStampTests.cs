using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>
/// A parser answers a stamp that repeats the last line's from what it read then: every answer must be what reading the
/// stamp gives, whatever came before it (the same stamp, one that shares a prefix, a longer or shorter one, one too
/// long to remember, one too near the line's end to compare in place).
/// </summary>
public class RecentStampTests
{
    public static TheoryData<string> FixtureLogs() => [.. RepoPaths.FixtureLogs()];

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void Each_fixture_line_in_order_gets_the_header_the_general_reader_gives(string log)
    {
        // One parser of each kind for the whole log, so that each line meets the stamp the line before it left.
        var fast = new RecordParser(fastPaths: true);
        var general = new RecordParser(fastPaths: false);
        var number = 0;
        foreach (var line in File.ReadLines(RepoPaths.Fixture(log)))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            number++;
            Assert.Equal(general.TryParse(bytes, number, out var expected, out _), fast.TryParse(bytes, number, out var record, out _));
            Assert.Equal(
                (expected?.Node, expected?.TypeNumber, expected?.Timestamp, expected?.Serial, expected?.Format, expected?.FieldCount),
                (record?.Node, record?.TypeNumber, record?.Timestamp, record?.Serial, record?.Format, record?.FieldCount));
        }
    }

    [Fact]
    public void Stamps_that_follow_each_other_are_read_as_each_is_alone()
    {
        // Neighbours of one stamp: itself, one digit changed anywhere, a digit more or fewer on each side, the ')' moved,
        // and widths around the 32 bytes remembered (a serial of 15 to 18 digits).
        var stamps = new List<string> { "1795333528.773:4160", "1795333528.773:4161", "1795333528.773:416", "1795333528.773:41600",
            "1795333528.774:4160", "2795333528.773:4160", "179533352.773:4160", "1795333528.773:4160:", "1.000:1", "1.000:12" };
        stamps.AddRange(Enumerable.Range(15, 4).Select(digits => "1795333528.773:" + new string('7', digits)));
        stamps.AddRange(Enumerable.Range(0, 19).Select(at => "1795333528.773:4160".Remove(at, 1).Insert(at, "9")));
        var recent = new RecentStamp();
        var random = new Random(1300);
        for (var i = 0; i < 20_000; i++)
        {
            var stamp = stamps[random.Next(stamps.Count)];
            // After the ')': nothing, a little, or a body; as long as the stamp or longer, so the blocks compared take it in.
            var tail = new string('x', random.Next(0, 40));
            var line = Encoding.ASCII.GetBytes($"type=SYSCALL msg=audit({stamp}){tail}");
            var expected = AuditStamp.TryReadKernelStamp(line, 23, out var expectedTimestamp, out var expectedSerial, out var expectedClose);
            var read = recent.TryRead(line, 23, out var timestamp, out var serial, out var close);
            Assert.Equal(expected, read);
            Assert.Equal((expectedTimestamp, expectedSerial, expectedClose), (timestamp, serial, close));
        }
    }

    [Fact]
    public void A_stamp_right_at_the_end_of_its_line_is_read_without_looking_past_it()
    {
        var recent = new RecentStamp();
        var whole = "msg=audit(1795333528.773:4160): x=1 y=2 z=3"u8.ToArray();
        Assert.True(recent.TryRead(whole, 10, out var timestamp, out var serial, out var close));
        Assert.Equal((new AuditTimestamp(1795333528, 773), 4160UL, 29), (timestamp, serial, close));

        // The same stamp at every distance from the end of an array of exactly the line's length.
        for (var length = 10; length <= whole.Length; length++)
        {
            var line = whole.AsSpan(0, length).ToArray();
            var expected = AuditStamp.TryReadKernelStamp(line, 10, out var expectedTimestamp, out var expectedSerial, out var expectedClose);
            Assert.Equal(expected, recent.TryRead(line, 10, out timestamp, out serial, out close));
            Assert.Equal((expectedTimestamp, expectedSerial, expectedClose), (timestamp, serial, close));
        }
    }
}
