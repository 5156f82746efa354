using System.Globalization;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;
using Spectre.Console;

namespace AuditSentinel.Cli.Output;

/// <summary>The final summaries of <c>send</c> and <c>replay</c>: what arrived, how many calls and retries it took, what was kept.</summary>
internal static class DeliverySummaryRenderer
{
    internal static void RenderSend(IAnsiConsole console, DeliveryStatistics delivery, IReadOnlyList<IngestReport> reports, string deadLetterLocation)
    {
        var table = Summary("audit-sentinel send");
        table.AddRow("Sources", Count(reports.Count));
        table.AddRow("Lines read", Count(reports.Sum(r => r.Lines)));
        foreach (var (name, rows) in delivery.RowsSentByTable)
        {
            table.AddRow($"Rows sent to {Markup.Escape(name)}", Count(rows));
        }

        AddCalls(table, delivery);
        table.AddRow("Rows dead-lettered", Count(delivery.DeadLetteredRows));
        foreach (var (reason, rows) in delivery.DeadLetteredRowsByReason)
        {
            table.AddRow($"  {Markup.Escape(reason)}", Count(rows));
        }

        table.AddRow("Rejected input lines (kept, not sent)", Count(reports.Sum(r => r.RejectedLines)));
        table.AddRow("Dead-letter store", Markup.Escape(deadLetterLocation));
        console.Write(table);
    }

    internal static void RenderReplay(IAnsiConsole console, DeliveryStatistics delivery, DeadLetterReplayResult result, string deadLetterLocation)
    {
        var table = Summary("audit-sentinel replay");
        table.AddRow("Items delivered and removed", Count(result.Delivered));
        table.AddRow("Items failed again (kept with their failed rows)", Count(result.Kept));
        table.AddRow("Items of rejected input lines (kept, not replayable)", Count(result.NotReplayable));
        AddCalls(table, delivery);
        table.AddRow("Dead-letter store", Markup.Escape(deadLetterLocation));
        console.Write(table);
    }

    private static Table Summary(string title) =>
        new Table().Border(TableBorder.Rounded).Title($"[bold]{title}[/]").AddColumn("Measure").AddColumn(new TableColumn("Count").RightAligned());

    private static void AddCalls(Table table, DeliveryStatistics delivery)
    {
        table.AddRow("Batches (calls)", Count(delivery.Batches));
        table.AddRow("Retries (throttling, server errors, timeouts)", Count(delivery.Retries));
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
