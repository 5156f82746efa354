using System.Text;
using System.Text.Json;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Pipeline.Tests;

/// <summary>Every input line ends in a row or in the rejected-line sink, and the health rows add up to the unit.</summary>
public sealed class IngestSessionAccountingTests
{
    private static readonly string Events = AuditTables.LinuxAuditEvents.Schema.Name;
    private static readonly string Tty = AuditTables.LinuxTtyInput.Schema.Name;
    private static readonly string Health = AuditTables.LinuxAuditHealth.Schema.Name;

    public static TheoryData<string> RealLogs() => new()
    {
        "ssh-intrusion/audit.log",
        "go-libaudit/testdata/normal.log",
        "go-libaudit/testdata/lost_messages.log",
        "go-libaudit/testdata/out_of_order.log",
        "go-libaudit/testdata/rollover.log",
    };

    [Theory]
    [MemberData(nameof(RealLogs))]
    public async Task Every_line_of_a_real_log_is_in_a_row_or_rejected_and_health_rows_add_up(string fixture)
    {
        var path = RepoPaths.Fixture(fixture.Split('/'));

        var (report, rows, rejected) = await IngestAsync(await File.ReadAllBytesAsync(path), inputContinues: false);

        AssertAccounted(report, rows, rejected, LineCount(await File.ReadAllBytesAsync(path)));
    }

    [Fact]
    public async Task Lines_that_are_not_records_are_rejected_with_their_reason_and_counted_on_a_health_row_without_host()
    {
        var log = await File.ReadAllLinesAsync(RepoPaths.SshIntrusionLog);
        string[] mixed = [log[0], "", "----", "Nov 29 12:00:00 vm sshd[1]: not an audit record", log[1], "type= msg=audit(1.2:3): x", "type=SYSCALL msg=audit(oops:1): arch=c000003e", .. log[2..]];
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', mixed) + "\n");

        var (report, rows, rejected) = await IngestAsync(bytes, inputContinues: false);

        AssertAccounted(report, rows, rejected, mixed.Length);
        Assert.Equal(
            [(2L, RejectReason.BlankLine), (3L, RejectReason.EventSeparator), (4L, RejectReason.NoAuditHeader), (6L, RejectReason.BadRecordType), (7L, RejectReason.BadTimestamp)],
            rejected.Lines.Select(l => (l.LineNumber, l.Reason)));
        var hostless = Assert.Single(rows.Parsed(Health), h => !h.TryGetProperty("Computer", out _));
        Assert.Equal(5, hostless.GetProperty("RejectedLines").GetInt64());
        Assert.Equal(1, hostless.GetProperty("RejectReasons").GetProperty("bad-timestamp").GetInt64());
    }

    [Fact]
    public async Task A_line_longer_than_the_reader_keeps_is_rejected_whole_and_counted_once()
    {
        var log = await File.ReadAllLinesAsync(RepoPaths.SshIntrusionLog);
        var huge = "type=USER_CMD msg=audit(1732266000.000:1): cmd=" + new string('A', Parsing.Input.LogLineReader.DefaultMaxLineLength + 10);
        string[] lines = [log[0], huge, .. log[1..]];
        var rows = new CollectedRows();
        var rejected = new CollectedRejectedLines();

        var report = await LogIngestion.IngestStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), new IngestSource("test", SourceKind.File), new IngestOptions(), rows, rejected);

        AssertAccounted(report, rows, rejected, lines.Length);
        var (number, _, reason) = Assert.Single(rejected.Lines);
        Assert.Equal((2L, RejectReason.LineTooLong), (number, reason));
    }

    [Fact]
    public async Task Events_cut_by_the_end_of_a_batch_that_continues_become_partial_rows_and_are_counted()
    {
        var log = await File.ReadAllLinesAsync(RepoPaths.SshIntrusionLog);
        // Stop inside the first multi-record event: its first record is in, the rest would come in the next batch.
        var cut = Enumerable.Range(1, log.Length - 1).First(i => StampOf(log[i]) == StampOf(log[i - 1]));
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', log[..cut]) + "\n");

        var (report, rows, rejected) = await IngestAsync(bytes, inputContinues: true);

        AssertAccounted(report, rows, rejected, cut);
        Assert.True(report.PartialEvents >= 1);
        Assert.Equal(report.PartialEvents, rows.Parsed(Events).Count(e => e.GetProperty("Partial").GetBoolean()));
        Assert.Equal("input-boundary", rows.Parsed(Events).Last(e => e.GetProperty("Partial").GetBoolean()).GetProperty("PartialReason").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_event_cut_between_two_units_gives_two_partial_rows_sharing_its_event_id(bool secondUnitContinues)
    {
        var log = await File.ReadAllLinesAsync(RepoPaths.SshIntrusionLog);
        // Cut the first exec event of the real log before its EXECVE: SYSCALL and BPRM_FCAPS stay in the first unit.
        var cut = Array.FindIndex(log, l => l.Contains("type=EXECVE ", StringComparison.Ordinal));
        Assert.Contains("type=SYSCALL ", log[cut - 2], StringComparison.Ordinal);
        Assert.Equal(StampOf(log[cut - 2]), StampOf(log[cut]));

        // A fresh session for each unit, as a new blob or a batch without continuation memory gets.
        var (_, firstRows, _) = await IngestAsync(Encoding.UTF8.GetBytes(string.Join('\n', log[..cut]) + "\n"), inputContinues: true);
        var (secondReport, secondRows, secondRejected) = await IngestAsync(Encoding.UTF8.GetBytes(string.Join('\n', log[cut..]) + "\n"), secondUnitContinues);

        AssertAccounted(secondReport, secondRows, secondRejected, log.Length - cut);
        var head = firstRows.Parsed(Events).Last();
        var rest = secondRows.Parsed(Events).First();
        Assert.Equal(head.GetProperty("EventId").GetString(), rest.GetProperty("EventId").GetString());
        Assert.Equal(("SYSCALL", true, "input-boundary"), (head.GetProperty("RecordType").GetString(), head.GetProperty("Partial").GetBoolean(), head.GetProperty("PartialReason").GetString()));
        Assert.Equal((true, "missing-start"), (rest.GetProperty("Partial").GetBoolean(), rest.GetProperty("PartialReason").GetString()));
        Assert.Equal(["EXECVE", "CWD", "PATH", "PATH", "PROCTITLE"], rest.GetProperty("RecordTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1, secondReport.PartialEvents);
    }

    [Theory]
    [MemberData(nameof(RealLogs))]
    public async Task A_whole_log_read_as_one_unit_has_no_event_missing_its_start(string fixture)
    {
        var (_, rows, _) = await IngestAsync(await File.ReadAllBytesAsync(RepoPaths.Fixture(fixture.Split('/'))), inputContinues: false);

        Assert.DoesNotContain(rows.Parsed(Events), e => e.TryGetProperty("PartialReason", out var reason) && reason.GetString() == "missing-start");
    }

    private static string StampOf(string line) => line[(line.IndexOf("audit(", StringComparison.Ordinal) + 6)..line.IndexOf(')', StringComparison.Ordinal)];

    private static async Task<(IngestReport Report, CollectedRows Rows, CollectedRejectedLines Rejected)> IngestAsync(byte[] log, bool inputContinues)
    {
        var rows = new CollectedRows();
        var rejected = new CollectedRejectedLines();
        using var session = new IngestSession(new IngestSource("test", SourceKind.EventHub), new IngestOptions(), rows, rejected);
        var number = 0L;
        foreach (var line in log.AsMemory().Split())
        {
            session.AddLine(line.Span, ++number);
        }

        return (await session.CompleteAsync(inputContinues, CancellationToken.None), rows, rejected);
    }

    private static void AssertAccounted(IngestReport report, CollectedRows rows, CollectedRejectedLines rejected, long lines)
    {
        var health = rows.Parsed(Health).ToList();
        var events = rows.Parsed(Events).ToList();
        Assert.Equal(lines, report.Lines);
        Assert.True(report.IsBalanced);
        Assert.Equal(report.RejectedLines, rejected.Lines.Count);
        // Each record is in exactly one row: events hold theirs (RecordCount), TTY records are rows of their own.
        Assert.Equal(report.Records, events.Sum(e => e.GetProperty("RecordCount").GetInt64()) + rows.Of(Tty).Count);
        Assert.Equal(report.Events, events.Count);
        Assert.Equal(report.TtyRecords, rows.Of(Tty).Count);
        Assert.Equal(report.Lines, Sum(health, "Lines"));
        Assert.Equal(report.Records, Sum(health, "Records"));
        Assert.Equal(report.Events, Sum(health, "Events"));
        Assert.Equal(report.PartialEvents, Sum(health, "PartialEvents"));
        Assert.Equal(report.TtyRecords, Sum(health, "TtyRecords"));
        Assert.Equal(report.RejectedLines, Sum(health, "RejectedLines"));
        Assert.Equal(report.Bytes, Sum(health, "Bytes"));
        Assert.Equal(
            report.RejectedByReason.ToDictionary(p => RejectReasons.Code(p.Key), p => p.Value, StringComparer.Ordinal).OrderBy(p => p.Key, StringComparer.Ordinal),
            health.Where(h => h.TryGetProperty("RejectReasons", out var reasons) && reasons.ValueKind == JsonValueKind.Object)
                .SelectMany(h => h.GetProperty("RejectReasons").EnumerateObject())
                .GroupBy(p => p.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(p => p.Value.GetInt64()), StringComparer.Ordinal)
                .OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static long Sum(List<JsonElement> rows, string column) => rows.Sum(r => r.GetProperty(column).GetInt64());

    private static long LineCount(byte[] log) => log.AsMemory().Split().Count();
}

/// <summary>Splits a log into lines the way the reader does: on \n, a final line without \n counts, the empty tail after the last \n does not.</summary>
internal static class LineSplitting
{
    public static IEnumerable<ReadOnlyMemory<byte>> Split(this Memory<byte> log)
    {
        var start = 0;
        while (start < log.Length)
        {
            var end = log.Span[start..].IndexOf((byte)'\n');
            var length = end < 0 ? log.Length - start : end;
            yield return log.Slice(start, length);
            start += length + 1;
        }
    }
}
