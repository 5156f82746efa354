using System.Text;
using System.Text.RegularExpressions;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>
/// The header reader takes shortcuts for the forms auditd writes ("node=HOST type=...", "type=...",
/// <c>seconds.millis:serial</c>): on every fixture line and on crafted near misses, each shortcut must give what the
/// general search gives.
/// </summary>
public partial class HeaderFastPathTests
{
    // Near misses of the usual forms: doubled spaces, '=' or "node=" inside the host, an empty host, "type=" inside a word,
    // a host ended by '=' or a tab right before "type=".
    private static readonly string[] CraftedLines =
    [
        "node=web01 type=SYSCALL msg=audit(1795333528.773:4160): x=1",
        "node= type=SYSCALL msg=audit(1.000:1): x=1",
        "node=web01  type=SYSCALL msg=audit(1.000:1): x=1",
        "node=a=b type=SYSCALL msg=audit(1.000:1): x=1",
        "node=a=type=SYSCALL msg=audit(1.000:1): x=1",
        "node=a\ttype=SYSCALL msg=audit(1.000:1): x=1",
        "node=node=b type=SYSCALL msg=audit(1.000:1): x=1",
        "node=anode=b type=SYSCALL msg=audit(1.000:1): x=1",
        "node=subtype=x type=SYSCALL msg=audit(1.000:1): x=1",
        "node=web01 subtype=SYSCALL type=PATH msg=audit(1.000:1): x=1",
        "node=web01 other=1 type=SYSCALL msg=audit(1.000:1): x=1",
        "node=web01type=SYSCALL msg=audit(1.000:1): x=1",
        "node=web01",
        "node=web01 ",
        "type=SYSCALL msg=audit(1.000:1): x=1",
        "typo=SYSCALL type=PATH msg=audit(1.000:1): x=1",
        "Nov 22 07:45:28 web01 audispd: node=vm7 type=USER_CMD msg=audit(1795333528.773:4160): pid=1",
        "Nov 22 07:45:28 node=web01 audispd: type=USER_CMD msg=audit(1795333528.773:4160): pid=1",
    ];

    // Near misses of the kernel's stamp: widths around 18 digits, signs, missing parts, other separators.
    private static readonly string[] CraftedStamps =
    [
        "1795333528.773:4160", "0.000:0", "1.000:1", "123456789012345678.999:123456789012345678",
        "1234567890123456789.000:1", "1.000:1234567890123456789", "9223372036854775807.001:7",
        "999999999999999999.999:18446744073709551615", "1.000:18446744073709551616", "+1.000:1", "-1.000:1",
        "1.000:+1", "1.000:-1", "1.00:1", "1.0000:1", "1.000:", "1.000", ".000:1", "1,000:1", "1.000;1", "1.0a0:1",
        "1.000:1a", "1.000:1 ", " 1.000:1", "01.000:01", "1.000:1:2", "1.000.1:1",
    ];

    public static TheoryData<string> FixtureLogs() => [.. RepoPaths.FixtureLogs()];

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void The_type_keyword_and_host_are_found_where_the_general_search_finds_them(string log)
    {
        foreach (var line in File.ReadLines(RepoPaths.Fixture(log)).Concat(CraftedLines))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            var typeAt = RecordParser.FindTypeKeyword(bytes);
            Assert.True(RecordParser.SearchTypeKeyword(bytes) == typeAt, line);
            if (typeAt >= 0)
            {
                var prefix = bytes.AsSpan(0, typeAt);
                Assert.True(RecordParser.SearchNodeBytes(prefix).SequenceEqual(RecordParser.NodeBytes(prefix)), line);
            }
        }
    }

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void Every_stamp_the_kernel_form_reads_is_read_alike_by_the_general_reader(string log)
    {
        var stamps = File.ReadLines(RepoPaths.Fixture(log)).SelectMany(line => StampPattern().Matches(line).Select(m => m.Groups["stamp"].Value));
        foreach (var stamp in stamps.Concat(CraftedStamps))
        {
            var bytes = Encoding.ASCII.GetBytes(stamp);
            if (AuditStamp.TryParseKernelStamp(bytes, out var timestamp, out var serial))
            {
                Assert.True(AuditStamp.TryParseAnyRaw(bytes, out var expectedTimestamp, out var expectedSerial), stamp);
                Assert.Equal((expectedTimestamp, expectedSerial), (timestamp, serial));
            }
        }
    }

    [Fact]
    public void The_kernel_form_is_what_the_kernel_writes_and_no_more()
    {
        Assert.True(AuditStamp.TryParseKernelStamp("1795333528.773:4160"u8, out var timestamp, out var serial));
        Assert.Equal((new AuditTimestamp(1795333528, 773), 4160UL), (timestamp, serial));
        Assert.True(AuditStamp.TryParseKernelStamp("123456789012345678.999:123456789012345678"u8, out _, out _));

        // Left to the general reader: 19 digits (they may overflow), signs, and anything not plain digits.
        Assert.False(AuditStamp.TryParseKernelStamp("1234567890123456789.000:1"u8, out _, out _));
        Assert.False(AuditStamp.TryParseKernelStamp("1.000:1234567890123456789"u8, out _, out _));
        Assert.False(AuditStamp.TryParseKernelStamp("+1.000:1"u8, out _, out _));
        Assert.False(AuditStamp.TryParseKernelStamp("1.000:"u8, out _, out _));
        Assert.False(AuditStamp.TryParseKernelStamp("1.00:1"u8, out _, out _));
        Assert.True(AuditStamp.TryParseAnyRaw("9223372036854775807.001:7"u8, out timestamp, out _));
        Assert.Equal(new AuditTimestamp(long.MaxValue, 1), timestamp);
    }

    [Fact]
    public void Stamps_of_every_digit_count_and_any_byte_after_the_digits_are_read_in_place_as_the_general_reader_reads_them()
    {
        // The kernel form reads eight bytes at a time: every count of digits on each side (shorter, as long as and longer
        // than a word, up to and past the 18 it takes), followed by the bytes next to the digits ('/', ':') and the
        // bytes whose check carries into the next byte (0xFA to 0xFF), at every distance from the line's end.
        var random = new Random(1327);
        var followers = new byte[] { (byte)'/', (byte)':', (byte)')', 0xFA, 0xFF, (byte)'0' - 1, (byte)'9' + 1, (byte)' ' };
        for (var secondsDigits = 1; secondsDigits <= 19; secondsDigits++)
        {
            for (var serialDigits = 1; serialDigits <= 19; serialDigits++)
            {
                var seconds = RandomDigits(random, secondsDigits);
                var serial = RandomDigits(random, serialDigits);
                foreach (var follower in followers)
                {
                    foreach (var stamp in new[] { $"{seconds}.{RandomDigits(random, 3)}:{serial}", $"{seconds}{(char)follower}.000:{serial}" })
                    {
                        for (var padding = 0; padding <= 9; padding++)
                        {
                            var line = Encoding.Latin1.GetBytes($"msg=audit({stamp}").Append(follower).Concat(Enumerable.Repeat((byte)'9', padding)).ToArray();
                            var stampBytes = line.AsSpan(10, stamp.Length);
                            var general = AuditStamp.TryParseAnyRaw(stampBytes, out var expectedTimestamp, out var expectedSerial)
                                && expectedTimestamp.Seconds <= 253_402_300_799 && follower == (byte)')';
                            var read = AuditStamp.TryReadKernelStamp(line, 10, out var timestamp, out var readSerial, out var close);
                            Assert.True(!read || general, stamp);
                            if (read)
                            {
                                Assert.Equal((expectedTimestamp, expectedSerial, 10 + stamp.Length), (timestamp, readSerial, close));
                            }
                            else
                            {
                                Assert.True(!general || secondsDigits > 18 || serialDigits > 18, stamp);
                            }
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void Every_fixture_line_gets_the_same_header_from_the_maps_as_from_the_general_reader(string log)
    {
        var stamps = CraftedStamps.Select(stamp => $"node=vm type=SYSCALL msg=audit({stamp}): x=1");
        var tails = new[] { "", " ", ")", "): x=1", ":x=1\u001dX=1" }.Select(tail => $"node=vm type=SYSCALL msg=audit(1.000:1{tail}");
        var headers = new[] { "type=PATH  msg=", "type=PATH\tmsg=", "type=UNKNOWN[1327] msg=", "type=1300 msg=", "type=NO_SUCH msg=", "type=bad! msg=", "type=PATH msg=audit(" }
            .Select(head => $"{head}audit(1.000:1): x=1");
        var everyType = RecordTypeNames.All.Select(type => $"type={type.Name} msg=audit(1.000:1): x=1");
        foreach (var line in File.ReadLines(RepoPaths.Fixture(log)).Concat(CraftedLines).Concat(stamps).Concat(tails).Concat(headers).Concat(everyType))
        {
            BothParsers.AssertSameHeader(Encoding.UTF8.GetBytes(line));
        }
    }

    [Theory]
    [InlineData("type=SYSCALL msg=audit(1795333528.773:4160): x=1", 1795333528L, 773, 4160UL)]
    [InlineData("node=h type=PATH msg=audit(0.000:0): x=1", 0L, 0, 0UL)]
    public void The_kernel_stamp_is_read_in_place_up_to_its_parenthesis(string line, long seconds, int millis, ulong serial)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        Assert.True(AuditStamp.TryReadKernelStamp(bytes, line.IndexOf('(', StringComparison.Ordinal) + 1, out var timestamp, out var readSerial, out var close));
        Assert.Equal((new AuditTimestamp(seconds, millis), serial), (timestamp, readSerial));
        Assert.Equal(line.IndexOf(')', StringComparison.Ordinal), close);
        Assert.False(AuditStamp.TryReadKernelStamp(Encoding.ASCII.GetBytes("msg=audit(253402300800.000:1): x"), 10, out _, out _, out _));
        Assert.False(AuditStamp.TryReadKernelStamp(Encoding.ASCII.GetBytes("msg=audit(1.000:1"), 10, out _, out _, out _));
    }

    private static string RandomDigits(Random random, int count) => new([.. Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10)))]);

    [GeneratedRegex(@"audit\((?<stamp>[^)]*)\)", RegexOptions.None, matchTimeoutMilliseconds: 5000)]
    private static partial Regex StampPattern();
}
