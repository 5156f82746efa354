using System.Text.Json;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Pipeline;
using AuditSentinel.Tables;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>A sample log run through the real ingest pipeline with default options (TTY redaction on).</summary>
internal sealed class SampleLog
{
    // Rules test the same log many times: its rows are parsed back from their JSON once, per table.
    private readonly Dictionary<string, IReadOnlyList<JsonElement>> _rows;

    private SampleLog(string path, CollectedRows rows, CollectedRejectedLines rejected, IngestReport report)
    {
        Path = path;
        _rows = AuditTables.All.ToDictionary(t => t.Name, t => (IReadOnlyList<JsonElement>)[.. rows.Parsed(t.Name)], StringComparer.Ordinal);
        RejectedLines = [.. rejected.Lines.Select(l => $"line {l.LineNumber}: {RejectReasons.Code(l.Reason)}: {l.Text}")];
        Report = report;
    }

    public string Path { get; }

    public IngestReport Report { get; }

    public IReadOnlyList<string> RejectedLines { get; }

    public IReadOnlyList<JsonElement> RowsOf(string table) => _rows.TryGetValue(table, out var rows) ? rows : [];

    public static async Task<SampleLog> IngestAsync(string path)
    {
        var rejected = new CollectedRejectedLines();
        var (report, rows) = await RowJson.ParseAsync(File.OpenRead(path), path, rejected);
        return new SampleLog(path, rows, rejected, report);
    }
}
