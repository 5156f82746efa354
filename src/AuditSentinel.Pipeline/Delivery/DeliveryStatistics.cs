using System.Collections.Concurrent;
using Azure.Core.Pipeline;

namespace AuditSentinel.Pipeline.Delivery;

/// <summary>
/// What delivery did, for run summaries and health rows: rows accepted per table, calls made, HTTP retries, rows
/// dead-lettered. Calls and retries are counted on the wire by <see cref="DeliveryStatisticsPolicy"/>. Thread-safe.
/// </summary>
public sealed class DeliveryStatistics
{
    private readonly ConcurrentDictionary<string, long> _rowsSent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _deadLettered = new(StringComparer.Ordinal);
    private long _batches;
    private long _retries;
    private long _deadLetteredRows;
    private long _deadLetterItems;

    /// <summary>Rows the service accepted, by table.</summary>
    public IReadOnlyDictionary<string, long> RowsSentByTable =>
        _rowsSent.OrderBy(static p => p.Key, StringComparer.Ordinal).ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal);

    /// <summary>Rows the service accepted, all tables.</summary>
    public long RowsSent => _rowsSent.Values.Sum();

    /// <summary>Logs Ingestion calls (a batch split after a 413 counts as two more), not counting retries.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Extra HTTP attempts the retry policy made after throttling, server errors, timeouts or broken connections.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Rows kept in the dead-letter store because they could not be delivered.</summary>
    public long DeadLetteredRows => Interlocked.Read(ref _deadLetteredRows);

    /// <summary>Rows dead-lettered, by reason (<c>upload-failed:http-403</c>, ...).</summary>
    public IReadOnlyDictionary<string, long> DeadLetteredRowsByReason =>
        _deadLettered.OrderBy(static p => p.Key, StringComparer.Ordinal).ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal);

    /// <summary>Dead-letter items written (one per failed batch).</summary>
    public long DeadLetterItems => Interlocked.Read(ref _deadLetterItems);

    /// <summary>Adds another run's numbers to these (e.g. to total several inputs).</summary>
    public void Add(DeliveryStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (table, rows) in other._rowsSent)
        {
            CountSent(table, rows);
        }

        foreach (var (reason, rows) in other._deadLettered)
        {
            _deadLettered.AddOrUpdate(reason, rows, (_, n) => n + rows);
        }

        Interlocked.Add(ref _batches, other.Batches);
        Interlocked.Add(ref _retries, other.Retries);
        Interlocked.Add(ref _deadLetteredRows, other.DeadLetteredRows);
        Interlocked.Add(ref _deadLetterItems, other.DeadLetterItems);
    }

    /// <summary>
    /// Counts the calls and retries of every Logs Ingestion request started in this async flow until disposed, for a
    /// client of a <see cref="DeliveryTarget"/> (e.g. around <c>DeadLetterReplayer.ReplayAsync</c>).
    /// </summary>
    public IDisposable CountCalls() => HttpPipeline.CreateHttpMessagePropertiesScope(
        new Dictionary<string, object?>(StringComparer.Ordinal) { [DeliveryStatisticsPolicy.StatisticsProperty] = this });

    internal void CountSent(string table, long rows) => _rowsSent.AddOrUpdate(table, rows, (_, n) => n + rows);

    internal void CountAttempt(int retryNumber) => Interlocked.Increment(ref retryNumber == 0 ? ref _batches : ref _retries);

    internal void CountDeadLettered(string reason, long rows)
    {
        _deadLettered.AddOrUpdate(reason, rows, (_, n) => n + rows);
        Interlocked.Add(ref _deadLetteredRows, rows);
        Interlocked.Increment(ref _deadLetterItems);
    }
}
