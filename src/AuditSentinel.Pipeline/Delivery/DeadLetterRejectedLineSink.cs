using System.Buffers;
using System.Text.Json;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Pipeline.Sinks;

namespace AuditSentinel.Pipeline.Delivery;

/// <summary>
/// Keeps rejected input lines in the dead-letter store: at each flush, one item per reason
/// (<c>rejected:bad-timestamp</c>, ...) whose rows are <c>{source,line,reason,explanation,text}</c> objects. The items
/// have no stream: they are for people to inspect, and replay leaves them alone.
/// </summary>
public sealed class DeadLetterRejectedLineSink : IRejectedLineSink
{
    /// <summary>The <see cref="DeadLetterInfo.Table"/> of rejected-line items.</summary>
    public const string Table = "RejectedLines";

    private readonly DeliveryTarget _target;
    private readonly SortedDictionary<RejectReason, List<ReadOnlyMemory<byte>>> _pending = [];
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private string? _source;

    /// <summary>Writes to <paramref name="target"/>'s dead-letter store, recording its rule id.</summary>
    public DeadLetterRejectedLineSink(DeliveryTarget target) => _target = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>Lines kept so far.</summary>
    public long Count { get; private set; }

    /// <inheritdoc />
    public void Reject(IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason)
    {
        ArgumentNullException.ThrowIfNull(source);
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            RejectedLineJson.Write(writer, source, lineNumber, line, reason);
        }

        if (!_pending.TryGetValue(reason, out var rows))
        {
            rows = [];
            _pending.Add(reason, rows);
        }

        rows.Add(_buffer.WrittenSpan.ToArray());
        _source = source.Name;
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        // One reason at a time, removed once written: a failed write leaves only the unwritten lines pending.
        foreach (var reason in _pending.Keys.ToList())
        {
            var rows = _pending[reason];
            var info = new DeadLetterInfo(_target.RuleId, null, Table, "rejected:" + RejectReasons.Code(reason), RejectReasons.Explain(reason), _source!, DateTimeOffset.UtcNow);
            await _target.DeadLetters.WriteAsync(info, rows, cancellationToken).ConfigureAwait(false);
            Count += rows.Count;
            _pending.Remove(reason);
        }
    }
}
