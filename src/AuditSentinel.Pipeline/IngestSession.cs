using System.Runtime.InteropServices;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Pipeline;

/// <summary>
/// One unit of input on its way to the tables: lines are pushed in, become records, events and rows, and every
/// line ends in a row or in the rejected-line sink. At the end the unit's LinuxAuditHealth_CL rows are written:
/// one per host, plus one without a host for lines that named none because they were rejected, so the rows of a
/// unit add up to exactly its lines. The CLI, the blob function and the Event Hubs function all drive the same
/// session. Not thread-safe.
/// </summary>
public sealed class IngestSession : IDisposable
{
    private readonly IRowSink _rows;
    private readonly IRejectedLineSink _rejected;
    private readonly RecordParser _parser = new();
    private readonly EventAssembler _assembler;
    private readonly AuditEventMapper _mapper;
    private readonly RowJsonWriter _json = new();
    private readonly List<AuditEvent> _completed = [];
    private readonly AuditEventRow _eventRow = new(); // filled again for each event: the sinks do not keep rows
    private readonly List<TtyInputRow> _ttyRows = [];
    private readonly List<EventKey> _cutEvents = [];
    private readonly Dictionary<string, HostAccounting> _hosts = new(StringComparer.Ordinal);
    private readonly IngestReport _report;
    private long _rejectedBytes;
    private string? _lastNode;
    private HostAccounting? _lastHost;

    /// <summary>Starts a unit.</summary>
    public IngestSession(IngestSource source, IngestOptions options, IRowSink rows, IRejectedLineSink rejected)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        _rejected = rejected ?? throw new ArgumentNullException(nameof(rejected));
        _assembler = new EventAssembler(options.Assembly);
        _mapper = new AuditEventMapper(options.MapperOptions());
        _report = new IngestReport { Source = source };
    }

    /// <summary>The accounting so far.</summary>
    public IngestReport Report => _report;

    /// <summary>
    /// The events <see cref="CompleteAsync"/> cut at the unit's end because the input continues; hand them to the
    /// next unit of the same stream with <see cref="ContinueFrom"/>.
    /// </summary>
    public IReadOnlyList<EventKey> CutEvents => _cutEvents;

    /// <summary>
    /// Continues a stream whose previous unit cut these events: their records in this unit become partial rows too
    /// (with the same EventId), so no half of a split event looks whole.
    /// </summary>
    public void ContinueFrom(IEnumerable<EventKey> cutEvents)
    {
        ArgumentNullException.ThrowIfNull(cutEvents);
        foreach (var key in cutEvents)
        {
            _assembler.RememberEmitted(key);
        }
    }

    /// <summary>Pushes one line (without its terminator).</summary>
    /// <param name="line">The line's bytes; not kept after the call.</param>
    /// <param name="lineNumber">1-based number in the unit, for the dead-letter store.</param>
    /// <param name="fallbackHost">The host a forwarder reported, used when the line names none.</param>
    public void AddLine(ReadOnlySpan<byte> line, long lineNumber, string? fallbackHost = null)
    {
        _report.Lines++;
        _report.Bytes += line.Length + 1;
        if (!_parser.TryParse(line, lineNumber, fallbackHost, out var record, out var reason))
        {
            Reject(line, lineNumber, reason);
            return;
        }

        _report.Records++;
        var host = Host(record.Node);
        host.Records++;
        host.Bytes += line.Length + 1;
        _assembler.Add(record, _completed);
        // Most lines complete no event (an event is emitted once a later line shows that it ended): no call for them.
        if (_completed.Count > 0)
        {
            WriteCompleted();
        }
    }

    /// <summary>Pushes a line the reader had to cut: it is kept in the rejected-line sink, never half-parsed.</summary>
    public void AddTruncatedLine(ReadOnlySpan<byte> keptPart, long lineNumber)
    {
        _report.Lines++;
        _report.Bytes += keptPart.Length + 1;
        Reject(keptPart, lineNumber, RejectReason.LineTooLong);
    }

    /// <summary>Lets the sinks send what is ready; call between input buffers.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _rows.FlushAsync(final: false, cancellationToken);
        await _rejected.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Ends the unit: open events are emitted (partial when <paramref name="inputContinues"/>, as for an Event Hubs
    /// batch whose events may go on in the next batch), every row is delivered or dead-lettered, then the health
    /// rows (which count the dead-lettered rows) are written and delivered.
    /// </summary>
    public async ValueTask<IngestReport> CompleteAsync(bool inputContinues, CancellationToken cancellationToken)
    {
        _assembler.Flush(_completed, inputContinues);
        WriteCompleted();
        await _rows.FlushAsync(final: true, cancellationToken);
        await _rejected.FlushAsync(cancellationToken);
        WriteHealthRows(_rows.DeadLetteredRows);
        await _rows.FlushAsync(final: true, cancellationToken);
        return _report;
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    private void Reject(ReadOnlySpan<byte> line, long lineNumber, RejectReason reason)
    {
        _report.CountRejected(reason);
        _rejectedBytes += line.Length + 1;
        _rejected.Reject(_report.Source, lineNumber, line, reason);
    }

    private HostAccounting Host(string node)
    {
        // Lines come in runs from one host, and the parser hands out one string per run: a reference compare saves hashing it.
        if (ReferenceEquals(node, _lastNode))
        {
            return _lastHost!;
        }

        if (!_hosts.TryGetValue(node, out var host))
        {
            host = new HostAccounting();
            _hosts.Add(node, host);
        }

        _lastNode = node;
        _lastHost = host;
        return host;
    }

    private void WriteCompleted()
    {
        foreach (var completed in CollectionsMarshal.AsSpan(_completed))
        {
            var host = Host(completed.Key.Node);
            host.Events++;
            _report.Events++;
            if (completed.IsPartial)
            {
                host.PartialEvents++;
                _report.PartialEvents++;
            }

            if (completed.Partial == PartialReason.InputBoundary)
            {
                _cutEvents.Add(completed.Key);
            }

            host.SawEventAt(completed.Key.Timestamp.ToDateTimeOffset());
            var hasEventRow = _mapper.MapInto(completed, _report.Source.Name, _eventRow, _ttyRows);
            host.TtyRecords += _ttyRows.Count;
            _report.TtyRecords += _ttyRows.Count;
            if (hasEventRow)
            {
                _rows.Write(AuditTables.LinuxAuditEvents, _eventRow, _json);
                _report.CountRows(AuditTables.LinuxAuditEvents.Schema.Name, 1);
            }

            Write(AuditTables.LinuxTtyInput, _ttyRows);
        }

        _completed.Clear();
    }

    private void Write<TRow>(RowTable<TRow> table, List<TRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        foreach (var row in CollectionsMarshal.AsSpan(rows))
        {
            _rows.Write(table, row, _json);
        }

        // Counted once per event's rows, not per row.
        _report.CountRows(table.Schema.Name, rows.Count);
        rows.Clear();
    }

    private void WriteHealthRows(long deadLetteredRows)
    {
        var health = new List<AuditHealthRow>();
        var now = DateTimeOffset.UtcNow;
        foreach (var (node, host) in _hosts.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            health.Add(HealthRow(now, node.Length == 0 ? null : node, host.Bytes, host.Records, host.Records, 0, null, host));
        }

        if (_report.RejectedLines > 0 || health.Count == 0)
        {
            var reasons = _report.RejectedByReason
                .OrderBy(r => r.Key)
                .Select(r => new KeyValuePair<string, long>(RejectReasons.Code(r.Key), r.Value))
                .ToList();
            health.Add(HealthRow(now, null, _rejectedBytes, _report.RejectedLines, 0, _report.RejectedLines, reasons, null));
        }

        // The dead-letter count belongs to the unit, not to a host: it goes on the first row only so sums stay exact.
        health[0].DeadLetteredRows = deadLetteredRows;
        Write(AuditTables.LinuxAuditHealth, health);
    }

    private AuditHealthRow HealthRow(DateTimeOffset now, string? computer, long bytes, long lines, long records, long rejected, IReadOnlyList<KeyValuePair<string, long>>? reasons, HostAccounting? host) => new()
    {
        TimeGenerated = now,
        Computer = computer,
        SourceName = _report.Source.Name,
        SourceKind = _report.Source.Kind.ToString().ToLowerInvariant(),
        FirstEventTime = host?.FirstEventTime,
        LastEventTime = host?.LastEventTime,
        Bytes = bytes,
        Lines = lines,
        Records = records,
        Events = host?.Events ?? 0,
        PartialEvents = host?.PartialEvents ?? 0,
        TtyRecords = host?.TtyRecords ?? 0,
        RejectedLines = rejected,
        RejectReasons = reasons,
        ParserVersion = ParserVersion.Current,
    };
}
