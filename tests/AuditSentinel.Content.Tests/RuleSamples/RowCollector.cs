using System.Text.Json;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Pipeline;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>Keeps the pipeline's rows (parsed back from their JSON) and rejected lines in memory.</summary>
internal sealed class RowCollector : IRowSink, IRejectedLineSink
{
    private readonly Dictionary<string, List<JsonElement>> _rows = new(StringComparer.Ordinal);

    public List<string> RejectedLines { get; } = [];

    public IReadOnlyList<JsonElement> RowsOf(string table) => _rows.TryGetValue(table, out var rows) ? rows : [];

    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        var reader = new Utf8JsonReader(rowJson);
        var row = JsonElement.ParseValue(ref reader);
        if (!_rows.TryGetValue(table, out var rows))
        {
            rows = [];
            _rows.Add(table, rows);
        }

        rows.Add(row);
    }

    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Reject(IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason) =>
        RejectedLines.Add($"line {lineNumber}: {RejectReasons.Code(reason)}: {System.Text.Encoding.UTF8.GetString(line)}");

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
