namespace AuditSentinel.Pipeline.Delivery;

/// <summary>Settings of a <see cref="LogsIngestionSink"/>.</summary>
public sealed class DeliveryOptions
{
    private int _maxConcurrency = 4;

    /// <summary>
    /// How many calls (each up to 1 MiB of rows) are in flight at once; past it, reading waits (default 4, at least 1).
    /// The DCR allows 12,000 calls a minute; throttled calls are retried after Retry-After.
    /// </summary>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        init => _maxConcurrency = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxConcurrency must be at least 1.");
    }
}
