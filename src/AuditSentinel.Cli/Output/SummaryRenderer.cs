using AuditSentinel.Parsing.Records;
using AuditSentinel.Pipeline;
using Spectre.Console;

namespace AuditSentinel.Cli.Output;

/// <summary>Prints a parse run's summary as tables.</summary>
internal static class SummaryRenderer
{
    private const int TopRows = 15;

    internal static void Render(IAnsiConsole console, RunSummary summary, IReadOnlyList<IngestReport> reports)
    {
        var lines = reports.Sum(r => r.Lines);
        var rejected = reports.Sum(r => r.RejectedLines);
        var overview = new Table().Border(TableBorder.Rounded).Title("[bold]audit-sentinel parse[/]").AddColumn("Measure").AddColumn(new TableColumn("Count").RightAligned());
        overview.AddRow("Sources", reports.Count.ToString(Culture));
        overview.AddRow("Lines", lines.ToString(Culture));
        overview.AddRow("Records", reports.Sum(r => r.Records).ToString(Culture));
        overview.AddRow("Events", reports.Sum(r => r.Events).ToString(Culture));
        overview.AddRow("Partial events", reports.Sum(r => r.PartialEvents).ToString(Culture));
        overview.AddRow("Failed events (Result=failure)", summary.FailedEvents.ToString(Culture));
        overview.AddRow("Hosts", summary.EventsByHost.Count.ToString(Culture));
        overview.AddRow("Sessions", summary.Sessions.Count.ToString(Culture));
        overview.AddRow("TTY records / lines / redacted", $"{reports.Sum(r => r.TtyRecords)} / {summary.TtyLines} / {summary.RedactedTtyRecords}");
        overview.AddRow("Rejected lines", rejected.ToString(Culture));
        foreach (var (table, count) in summary.RowsByTable.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            overview.AddRow($"Rows {Markup.Escape(table)}", count.ToString(Culture));
        }

        console.Write(overview);
        console.Write(Counts("Events by category / action", summary.EventsByCategoryAction));
        console.Write(Counts("Events by host", summary.EventsByHost));
        console.Write(Counts("Events by audit user (auid)", summary.EventsByUser));
        var byReason = reports.SelectMany(r => r.RejectedByReason)
            .GroupBy(p => p.Key)
            .ToDictionary(g => RejectReasons.Code(g.Key) + ": " + RejectReasons.Explain(g.Key), g => g.Sum(p => p.Value), StringComparer.Ordinal);
        if (byReason.Count > 0)
        {
            console.Write(Counts("Rejected lines by reason", byReason));
        }
    }

    private static IFormatProvider Culture => System.Globalization.CultureInfo.InvariantCulture;

    private static Table Counts(string title, IReadOnlyDictionary<string, long> counts)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(title)).AddColumn("Value").AddColumn(new TableColumn("Count").RightAligned());
        foreach (var (key, count) in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(TopRows))
        {
            table.AddRow(Markup.Escape(key), count.ToString(Culture));
        }

        if (counts.Count > TopRows)
        {
            table.AddRow($"… {counts.Count - TopRows} more", string.Empty);
        }

        return table;
    }
}
