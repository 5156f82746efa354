using System.Text;
using System.Text.Json;
using AuditSentinel.Pipeline;

namespace AuditSentinel.TestSupport;

/// <summary>A row sink that keeps every row in memory, by table, as JSON text.</summary>
public sealed class CollectedRows : IRowSink
{
    private readonly Dictionary<string, List<string>> _rows = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Of(string table) => _rows.TryGetValue(table, out var rows) ? rows : [];

    public IEnumerable<JsonElement> Parsed(string table) => Of(table).Select(static r => JsonDocument.Parse(r).RootElement);

    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            rows = [];
            _rows.Add(table, rows);
        }

        rows.Add(Encoding.UTF8.GetString(rowJson));
    }

    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
