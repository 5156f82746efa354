using System.Text.Json;
using AuditSentinel.Pipeline;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>A sample log run through the real ingest pipeline with default options (TTY redaction on).</summary>
internal sealed class SampleLog
{
    private readonly RowCollector _rows;

    private SampleLog(string path, RowCollector rows, IngestReport report)
    {
        Path = path;
        _rows = rows;
        Report = report;
    }

    public string Path { get; }

    public IngestReport Report { get; }

    public IReadOnlyList<string> RejectedLines => _rows.RejectedLines;

    public IReadOnlyList<JsonElement> RowsOf(string table) => _rows.RowsOf(table);

    public static async Task<SampleLog> IngestAsync(string path)
    {
        var rows = new RowCollector();
        var report = await LogIngestion.IngestStreamAsync(
            File.OpenRead(path),
            new IngestSource(path, SourceKind.File),
            new IngestOptions(),
            rows,
            rows);
        return new SampleLog(path, rows, report);
    }
}
