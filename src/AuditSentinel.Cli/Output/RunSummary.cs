using System.Text.Json;
using AuditSentinel.Pipeline;

namespace AuditSentinel.Cli.Output;

/// <summary>
/// What a parse run produced, counted from the very rows an upload would send (so the summary cannot disagree
/// with the NDJSON): events by category/action, hosts, sessions, users, keystroke lines, redactions.
/// </summary>
internal sealed class RunSummary : IRowSink
{
    private readonly IRowSink? _inner;

    internal RunSummary(IRowSink? inner) => _inner = inner;

    internal Dictionary<string, long> EventsByCategoryAction { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, long> EventsByHost { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, long> EventsByUser { get; } = new(StringComparer.Ordinal);

    internal HashSet<string> Sessions { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, long> RowsByTable { get; } = new(StringComparer.Ordinal);

    internal long FailedEvents { get; private set; }

    internal long TtyLines { get; private set; }

    internal long RedactedTtyRecords { get; private set; }

    /// <inheritdoc />
    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        _inner?.Write(table, rowJson);
        RowsByTable[table] = RowsByTable.GetValueOrDefault(table) + 1;
        using var row = JsonDocument.Parse(rowJson.ToArray());
        var root = row.RootElement;
        switch (table)
        {
            case "LinuxAuditEvents_CL":
                CountEvent(root);
                break;
            case "LinuxTtyInput_CL":
                if (root.TryGetProperty("Lines", out var lines) && lines.ValueKind == JsonValueKind.Array)
                {
                    TtyLines += lines.GetArrayLength();
                }

                if (root.TryGetProperty("Redacted", out var redacted) && redacted.ValueKind == JsonValueKind.True)
                {
                    RedactedTtyRecords++;
                }

                break;
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) =>
        _inner?.FlushAsync(final, cancellationToken) ?? ValueTask.CompletedTask;

    private static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "-";

    private static void Increment(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private void CountEvent(JsonElement row)
    {
        Increment(EventsByCategoryAction, Text(row, "Category") + " / " + Text(row, "Action"));
        Increment(EventsByHost, Text(row, "Computer"));
        Increment(EventsByUser, Text(row, "AuditUser"));
        if (row.TryGetProperty("Session", out var session) && session.ValueKind == JsonValueKind.Number)
        {
            Sessions.Add(Text(row, "Computer") + "/" + session.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Text(row, "Result") == "failure")
        {
            FailedEvents++;
        }
    }
}
