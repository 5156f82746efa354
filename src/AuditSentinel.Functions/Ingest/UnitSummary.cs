using System.Globalization;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;

namespace AuditSentinel.Functions.Ingest;

/// <summary>What one invocation did with its unit (a blob or a batch): returned to the host and logged.</summary>
/// <param name="Source">The unit's SourceName.</param>
/// <param name="Outcome">ingested, skipped-processed, skipped-poisoned, poisoned, ignored-event, blob-missing.</param>
/// <param name="Lines">Lines read.</param>
/// <param name="Events">Events assembled.</param>
/// <param name="PartialEvents">Events emitted partial.</param>
/// <param name="RejectedLines">Lines that did not become records (kept in the dead-letter store).</param>
/// <param name="RowsByTable">Rows written, by table.</param>
/// <param name="RowsSent">Rows the Logs Ingestion API accepted.</param>
/// <param name="DeadLetteredRows">Rows kept in the dead-letter store because they could not be delivered.</param>
/// <param name="Retries">HTTP retries of Logs Ingestion calls.</param>
public sealed record UnitSummary(
    string Source,
    string Outcome,
    long Lines,
    long Events,
    long PartialEvents,
    long RejectedLines,
    IReadOnlyDictionary<string, long> RowsByTable,
    long RowsSent,
    long DeadLetteredRows,
    long Retries)
{
    /// <summary>A unit that was read and delivered.</summary>
    public static UnitSummary Ingested(IngestReport report, DeliveryStatistics delivery, string outcome = "ingested")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(delivery);
        return new UnitSummary(report.Source.Name, outcome, report.Lines, report.Events, report.PartialEvents, report.RejectedLines, report.RowsByTable, delivery.RowsSent, delivery.DeadLetteredRows, delivery.Retries);
    }

    /// <summary>A unit that was not read.</summary>
    public static UnitSummary NotRead(string source, string outcome) =>
        new(source, outcome, 0, 0, 0, 0, new Dictionary<string, long>(StringComparer.Ordinal), 0, 0, 0);

    /// <summary>One line for the invocation log.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Source}: {Outcome}; {Lines} lines, {Events} events ({PartialEvents} partial), {RejectedLines} rejected lines kept, {RowsSent} rows sent, {DeadLetteredRows} rows dead-lettered, {Retries} retries");
}
