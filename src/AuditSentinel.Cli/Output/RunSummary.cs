using AuditSentinel.Pipeline;
using AuditSentinel.Tables.Normalization;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Cli.Output;

/// <summary>
/// What a parse run produced, counted from the very rows an upload would send (so the summary cannot disagree with
/// the NDJSON): rows by table, events by category/action, hosts, sessions, users, keystroke lines, redactions. It
/// reads the row objects, so a run that writes no files serializes no rows.
/// </summary>
internal sealed class RunSummary : IRowSink
{
    private readonly RunCounts<string> _rowsByTable = new();
    private readonly RunCounts<(string Category, string Action)> _eventsByClass = new();
    private readonly RunCounts<string> _eventsByHost = new();
    private readonly RunCounts<string> _eventsByUser = new();
    private readonly HashSet<(string Computer, long Session)> _sessions = [];
    private readonly IRowSink? _inner;
    private readonly bool _detailed;
    private (string Computer, long Session) _lastSession;

    /// <summary>Counts rows on their way to <paramref name="inner"/>; <paramref name="detailed"/> counts what the summary shows, not only rows.</summary>
    internal RunSummary(IRowSink? inner, bool detailed = true)
    {
        _inner = inner;
        _detailed = detailed;
    }

    /// <summary>Events by "category / action" (a row always has both).</summary>
    internal IReadOnlyDictionary<string, long> EventsByCategoryAction =>
        _eventsByClass.Counts.GroupBy(p => $"{p.Key.Category} / {p.Key.Action}", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    /// <summary>Events by Computer (- for none).</summary>
    internal IReadOnlyDictionary<string, long> EventsByHost => _eventsByHost.Counts;

    /// <summary>Events by AuditUser (- for none).</summary>
    internal IReadOnlyDictionary<string, long> EventsByUser => _eventsByUser.Counts;

    /// <summary>The distinct (Computer, Session) pairs of the events that have a session; Computer is empty when the row has none.</summary>
    internal IReadOnlySet<(string Computer, long Session)> Sessions => _sessions;

    /// <summary>Rows by table name, in the order the tables first had a row.</summary>
    internal IReadOnlyDictionary<string, long> RowsByTable => _rowsByTable.Counts;

    internal long FailedEvents { get; private set; }

    internal long TtyLines { get; private set; }

    internal long RedactedTtyRecords { get; private set; }

    /// <inheritdoc />
    public void Write<TRow>(RowTable<TRow> table, TRow row, RowJsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(table);
        _inner?.Write(table, row, json);
        _rowsByTable.Add(table.Schema.Name);
        if (!_detailed)
        {
            return;
        }

        if (row is AuditEventRow auditEvent)
        {
            Count(auditEvent);
        }
        else if (row is TtyInputRow ttyInput)
        {
            TtyLines += ttyInput.Lines?.Count ?? 0;
            RedactedTtyRecords += ttyInput.Redacted ? 1 : 0;
        }
    }

    /// <summary>Passes serialized rows on and counts them by table; the summary's other counts need the rows themselves (the other <c>Write</c>).</summary>
    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        _inner?.Write(table, rowJson);
        _rowsByTable.Add(table);
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) =>
        _inner?.FlushAsync(final, cancellationToken) ?? ValueTask.CompletedTask;

    private void Count(AuditEventRow row)
    {
        _eventsByClass.Add((row.Category, row.Action));
        _eventsByHost.Add(row.Computer ?? "-");
        _eventsByUser.Add(row.AuditUser ?? "-");
        if (row.Session is { } session && (row.Computer ?? string.Empty, session) is var key && key != _lastSession)
        {
            _sessions.Add(key);
            _lastSession = key;
        }

        if (row.Result == EventClassifier.Failure)
        {
            FailedEvents++;
        }
    }
}
