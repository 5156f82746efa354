using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Pipeline;

/// <summary>
/// One unit of input on its way to the tables: lines are pushed in, become records, events and rows, and every
/// line ends in a row or in the rejected-line sink. The CLI, the blob function and the Event Hubs function all
/// drive the same session. Not thread-safe.
/// </summary>
public sealed class IngestSession
{
    private readonly IRowSink _rows;
    private readonly IRejectedLineSink _rejected;
    private readonly RecordParser _parser = new();
    private readonly EventAssembler _assembler;
    private readonly List<AuditEvent> _completed = [];
    private readonly IngestReport _report;

    /// <summary>Starts a unit.</summary>
    public IngestSession(IngestSource source, IngestOptions options, IRowSink rows, IRejectedLineSink rejected)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        _rejected = rejected ?? throw new ArgumentNullException(nameof(rejected));
        _assembler = new EventAssembler(options.Assembly);
        _report = new IngestReport { Source = source };
    }

    /// <summary>The accounting so far.</summary>
    public IngestReport Report => _report;

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
            _report.CountRejected(reason);
            _rejected.Reject(_report.Source, lineNumber, line, reason);
            return;
        }

        _report.Records++;
        _assembler.Add(record, _completed);
        WriteCompleted();
    }

    /// <summary>Pushes a line the reader had to cut: it is kept whole in the rejected-line sink, never half-parsed.</summary>
    public void AddTruncatedLine(ReadOnlySpan<byte> keptPart, long lineNumber)
    {
        _report.Lines++;
        _report.Bytes += keptPart.Length + 1;
        _report.CountRejected(RejectReason.LineTooLong);
        _rejected.Reject(_report.Source, lineNumber, keptPart, RejectReason.LineTooLong);
    }

    /// <summary>Lets the sinks send what is ready; call between input buffers.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _rows.FlushAsync(final: false, cancellationToken);
        await _rejected.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Ends the unit: open events are emitted (partial when <paramref name="inputContinues"/>, as for an Event Hubs
    /// batch whose events may go on in the next batch), then everything is delivered or dead-lettered.
    /// </summary>
    public async ValueTask<IngestReport> CompleteAsync(bool inputContinues, CancellationToken cancellationToken)
    {
        _assembler.Flush(_completed, inputContinues);
        WriteCompleted();
        await _rows.FlushAsync(final: true, cancellationToken);
        await _rejected.FlushAsync(cancellationToken);
        return _report;
    }

    private void WriteCompleted()
    {
        foreach (var completed in _completed)
        {
            _report.Events++;
            if (completed.IsPartial)
            {
                _report.PartialEvents++;
            }

            foreach (var record in completed.Records)
            {
                if (record.TypeNumber is RecordType.Tty or RecordType.UserTty)
                {
                    _report.TtyRecords++;
                }
            }
        }

        _completed.Clear();
    }
}
