using System.Globalization;
using System.Text.Json;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.Cli.Output;
using AuditSentinel.Pipeline;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Cli.Tests;

/// <summary>
/// The summary reads only a few columns of each row and stops early; over the real logs it must count exactly what
/// a full read of the same rows counts.
/// </summary>
public class RunSummaryTests
{
    public static TheoryData<string> Logs() => [.. RepoPaths.FixtureLogs().Select(log => RepoPaths.Fixture(log))];

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task The_summary_counts_what_the_rows_hold(string path) => await SummarizeAndCheckAsync(path);

    [Fact]
    public async Task The_ssh_intrusion_summary_has_every_kind_of_count()
    {
        var summary = await SummarizeAndCheckAsync(RepoPaths.SshIntrusionLog);
        Assert.NotEmpty(summary.EventsByCategoryAction);
        Assert.NotEmpty(summary.Sessions);
        Assert.NotEqual(0, summary.FailedEvents);
        Assert.NotEqual(0, summary.TtyLines);
        Assert.NotEqual(0, summary.RedactedTtyRecords);
    }

    private static async Task<RunSummary> SummarizeAndCheckAsync(string path)
    {
        var rows = new CollectedRows();
        var summary = new RunSummary(rows);
        await using (var input = File.OpenRead(path))
        {
            await LogIngestion.IngestStreamAsync(input, new IngestSource(path, SourceKind.File), new IngestOptions(), summary, DiscardRejectedLines.Instance);
        }

        var events = rows.Parsed("LinuxAuditEvents_CL").ToList();
        var tty = rows.Parsed("LinuxTtyInput_CL").ToList();
        Assert.Equal(Count(events.Select(e => (Text(e, "Category") ?? "-") + " / " + (Text(e, "Action") ?? "-"))), Sorted(summary.EventsByCategoryAction));
        Assert.Equal(Count(events.Select(e => Text(e, "Computer") ?? "-")), Sorted(summary.EventsByHost));
        Assert.Equal(Count(events.Select(e => Text(e, "AuditUser") ?? "-")), Sorted(summary.EventsByUser));
        var sessions = events.Where(e => Text(e, "Session") is not null).Select(e => Text(e, "Computer") + "/" + Text(e, "Session")).ToHashSet(StringComparer.Ordinal);
        Assert.True(sessions.SetEquals(summary.Sessions.Select(s => s.Computer + "/" + s.Session.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(events.Count(e => Text(e, "Result") == "failure"), summary.FailedEvents);
        Assert.Equal(tty.Sum(t => t.TryGetProperty("Lines", out var lines) ? lines.GetArrayLength() : 0), summary.TtyLines);
        Assert.Equal(tty.Count(t => t.TryGetProperty("Redacted", out var redacted) && redacted.GetBoolean()), summary.RedactedTtyRecords);
        Assert.Equal(events.Count, summary.RowsByTable.GetValueOrDefault("LinuxAuditEvents_CL"));
        Assert.Equal(tty.Count, summary.RowsByTable.GetValueOrDefault("LinuxTtyInput_CL"));
        await AssertSameWithoutInnerSinkAsync(path, summary);
        return summary;
    }

    // Without a sink behind it, the summary serializes no row: it must still count exactly the same.
    private static async Task AssertSameWithoutInnerSinkAsync(string path, RunSummary expected)
    {
        var summary = new RunSummary(inner: null);
        await using (var input = File.OpenRead(path))
        {
            await LogIngestion.IngestStreamAsync(input, new IngestSource(path, SourceKind.File), new IngestOptions(), summary, DiscardRejectedLines.Instance);
        }

        Assert.Equal(expected.RowsByTable, summary.RowsByTable);
        Assert.Equal(expected.EventsByCategoryAction, summary.EventsByCategoryAction);
        Assert.Equal(expected.EventsByHost, summary.EventsByHost);
        Assert.Equal(expected.EventsByUser, summary.EventsByUser);
        Assert.True(expected.Sessions.SetEquals(summary.Sessions));
        Assert.Equal((expected.FailedEvents, expected.TtyLines, expected.RedactedTtyRecords), (summary.FailedEvents, summary.TtyLines, summary.RedactedTtyRecords));
    }

    private static string? Text(JsonElement row, string name) => row.TryGetProperty(name, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    }
        : null;

    private static List<KeyValuePair<string, long>> Count(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => new KeyValuePair<string, long>(g.Key, g.Count())).OrderBy(p => p.Key, StringComparer.Ordinal)];

    private static List<KeyValuePair<string, long>> Sorted(IReadOnlyDictionary<string, long> counts) => [.. counts.OrderBy(p => p.Key, StringComparer.Ordinal)];
}
