using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

public class RecordParserHeaderTests
{
    private static AuditRecord Parse(string line) => FixtureRecords.Parse(line, 7);

    private static RejectReason Reject(string line)
    {
        Assert.False(new RecordParser().TryParse(Encoding.UTF8.GetBytes(line), 1, out _, out var reason));
        return reason;
    }

    [Fact]
    public void Raw_line_without_node_gives_type_time_serial_and_no_host()
    {
        var record = Parse(LineFixtures.GoLibaudit("audit-rhel7.log", "type=SYSCALL"));
        Assert.Equal("SYSCALL", record.TypeName);
        Assert.Equal(RecordType.Syscall, record.TypeNumber);
        Assert.Equal(RecordFormat.Raw, record.Format);
        Assert.Equal(string.Empty, record.Node);
        Assert.Equal(7, record.LineNumber);
        Assert.True(record.Timestamp.Seconds > 1_000_000_000);
    }

    [Fact]
    public void Enriched_line_with_node_keeps_both_the_raw_and_the_interpreted_fields()
    {
        var record = Parse(LineFixtures.SshIntrusion("type=SYSCALL msg=audit(1795333528.773:4160)"));
        Assert.Equal("vm", record.Node);
        Assert.Equal(RecordFormat.Enriched, record.Format);
        Assert.Equal(new AuditTimestamp(1795333528, 773), record.Timestamp);
        Assert.Equal(4160UL, record.Serial);
        Assert.Equal("4294967295", record.GetText("auid"u8));
        Assert.Equal("unset", record.GetEnrichedText("AUID"u8));
        Assert.Equal("sendto", record.GetEnrichedText("SYSCALL"u8));
        Assert.Equal("x86_64", record.GetEnrichedText("ARCH"u8));
        Assert.Null(record.GetText("AUID"u8));
        Assert.True(record.TryGetField("key"u8, out var key));
        Assert.Equal(FieldKind.Absent, key.Kind);
        Assert.Null(key.Text);
    }

    [Theory]
    [InlineData("type=UNKNOWN[1327] msg=audit(1795333528.773:4160): proctitle=6C73", 1327, "PROCTITLE")]
    [InlineData("type=1400 audit(1795333528.773:4160): apparmor=\"DENIED\" operation=\"open\"", 1400, "AVC")]
    [InlineData("type=UNKNOWN[1999] msg=audit(1795333528.773:4160): x=1", 1999, "UNKNOWN[1999]")]
    public void Numeric_and_unknown_types_resolve_to_libaudit_names(string line, int number, string name)
    {
        var record = Parse(line);
        Assert.Equal(number, record.TypeNumber);
        Assert.Equal(name, record.TypeName);
    }

    [Theory]
    [InlineData("Nov 22 07:45:28 web01 audispd: node=vm7 type=USER_CMD msg=audit(1795333528.773:4160): pid=1", "vm7")]
    [InlineData("Nov 22 07:45:28 web01 audispd: type=USER_CMD msg=audit(1795333528.773:4160): pid=1", "web01")]
    [InlineData("Nov  2 07:45:28 web02 kernel: [  12.345678] audit: type=1400 audit(1795333528.773:4160): apparmor=\"DENIED\"", "web02")]
    [InlineData("2026-11-22T07:45:28.123456+00:00 web03 audit[812]: type=1400 audit(1795333528.773:4160): apparmor=\"DENIED\"", "web03")]
    [InlineData("<13>1 2026-11-22T07:45:28Z web04 audispd - - - type=USER_CMD msg=audit(1795333528.773:4160): pid=1", "web04")]
    public void Syslog_wrapped_lines_take_the_host_from_node_or_syslog_and_the_time_from_audit(string line, string host)
    {
        var record = Parse(line);
        Assert.Equal(host, record.Node);
        Assert.Equal(new AuditTimestamp(1795333528, 773), record.Timestamp);
        Assert.Equal(4160UL, record.Serial);
    }

    [Fact]
    public void A_line_that_names_no_host_takes_the_fallback()
    {
        var line = "type=USER_CMD msg=audit(1795333528.773:4160): pid=1"u8;
        Assert.True(new RecordParser().TryParse(line, 1, "from-forwarder", out var record, out _));
        Assert.Equal("from-forwarder", record.Node);
        Assert.True(new RecordParser().TryParse("node=real type=USER_CMD msg=audit(1795333528.773:4160): pid=1"u8, 1, "from-forwarder", out record, out _));
        Assert.Equal("real", record.Node);
    }

    [Fact]
    public void Interpreted_ausearch_lines_parse_to_the_same_event_stamp_as_the_raw_line()
    {
        var raw = Parse(LineFixtures.SshIntrusion("type=DAEMON_START"));
        var interpreted = Parse(File.ReadLines(AuditSentinel.TestSupport.RepoPaths.Fixture("ssh-intrusion", "ausearch-i.txt"))
            .First(l => l.Contains("type=DAEMON_START", StringComparison.Ordinal)));
        Assert.Equal(RecordFormat.Interpreted, interpreted.Format);
        Assert.Equal(raw.Timestamp, interpreted.Timestamp);
        Assert.Equal(raw.Serial, interpreted.Serial);
        Assert.Equal(raw.Node, interpreted.Node);
        Assert.Equal("unset", interpreted.GetText("auid"u8));
    }

    [Theory]
    [InlineData("", RejectReason.BlankLine)]
    [InlineData("   \t", RejectReason.BlankLine)]
    [InlineData("----", RejectReason.EventSeparator)]
    [InlineData("hello world", RejectReason.NoAuditHeader)]
    [InlineData("subtype=SYSCALL msg=audit(1.000:1): x=1", RejectReason.NoAuditHeader)]
    [InlineData("type=SYSCALL something else", RejectReason.NoAuditHeader)]
    [InlineData("type= msg=audit(1.000:1): x=1", RejectReason.BadRecordType)]
    [InlineData("type=SYS-CALL msg=audit(1.000:1): x=1", RejectReason.BadRecordType)]
    [InlineData("type=SYSCALL msg=audit(1.0:1): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(abc.123:1): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(1795333528.773:): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(1795333528.773:12", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(13/22/26 07:45:28.777:6918) : x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(-1.000:1): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(99999999999999999999.000:1): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(1.000:18446744073709551616): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(9223372036854775808.000:1): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(1.0a0:1): x=1", RejectReason.BadTimestamp)]
    // Digits the parser reads but no row time can hold (past 9999-12-31): rejected, not a crash of the whole run.
    [InlineData("type=SYSCALL msg=audit(999999999999999999.999:1): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(253402300800.000:1): x=1", RejectReason.BadTimestamp)]
    [InlineData("type=SYSCALL msg=audit(9223372036854775807.001:7): x=1", RejectReason.BadTimestamp)]
    public void Lines_that_are_not_records_are_rejected_with_a_reason(string line, RejectReason expected) =>
        Assert.Equal(expected, Reject(line));

    [Theory]
    [InlineData("1795333528.773:4160", 1795333528L, 773, 4160UL)]
    [InlineData("0.000:0", 0L, 0, 0UL)]
    [InlineData("253402300799.999:18446744073709551615", 253402300799L, 999, ulong.MaxValue)]
    public void Stamp_numbers_of_any_width_parse_exactly_or_reject(string stamp, long seconds, int millis, ulong serial)
    {
        var record = Parse($"type=SYSCALL msg=audit({stamp}): x=1");
        Assert.Equal(new AuditTimestamp(seconds, millis), record.Timestamp);
        Assert.Equal(serial, record.Serial);
    }

    [Fact]
    public void Every_line_of_the_reference_ausearch_output_is_a_record_or_a_separator()
    {
        var parser = new RecordParser();
        var records = 0;
        var separators = 0;
        foreach (var line in File.ReadLines(AuditSentinel.TestSupport.RepoPaths.Fixture("ssh-intrusion", "ausearch-i.txt")))
        {
            if (parser.TryParse(Encoding.UTF8.GetBytes(line), 1, out _, out var reason))
            {
                records++;
            }
            else
            {
                Assert.Equal(RejectReason.EventSeparator, reason);
                separators++;
            }
        }

        Assert.Equal(File.ReadLines(AuditSentinel.TestSupport.RepoPaths.SshIntrusionLog).Count(), records);
        Assert.True(separators > 0);
    }
}
