using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;

namespace AuditSentinel.Functions.Ingest;

/// <summary>
/// Sends nothing: keeps every row in the dead-letter store under its table's stream, so a unit given up on can be
/// delivered later by replay once its cause is fixed. Items hold at most <see cref="RowsPerItem"/> rows.
/// </summary>
public sealed class DeadLetterRowSink(DeliveryTarget target, string source, string reason, string error) : IRowSink
{
    /// <summary>The most rows one item holds.</summary>
    public const int RowsPerItem = 5000;

    private readonly Dictionary<string, (string Stream, List<ReadOnlyMemory<byte>> Rows)> _pending = new(StringComparer.Ordinal);
    private long _deadLettered;

    /// <inheritdoc />
    public long DeadLetteredRows => _deadLettered;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The table has no declared stream.</exception>
    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        if (!_pending.TryGetValue(table, out var pending))
        {
            pending = (TableStreams.StreamOf(table), []);
            _pending.Add(table, pending);
        }

        pending.Rows.Add(rowJson.ToArray());
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(bool final, CancellationToken cancellationToken)
    {
        foreach (var table in _pending.Keys.ToList())
        {
            var (stream, rows) = _pending[table];
            if (rows.Count == 0 || (!final && rows.Count < RowsPerItem))
            {
                continue;
            }

            await target.DeadLetters.WriteAsync(new DeadLetterInfo(target.RuleId, stream, table, reason, error, source, DateTimeOffset.UtcNow), rows, cancellationToken).ConfigureAwait(false);
            _deadLettered += rows.Count;
            _pending[table] = (stream, []);
        }
    }
}
