namespace AuditSentinel.Parsing.Events;

/// <summary>Limits of event assembly.</summary>
public sealed class EventAssemblerOptions
{
    /// <summary>
    /// An event still open when a record this much later (in audit time) arrives is complete: auditd's
    /// <c>end_of_event_timeout</c>, 2 seconds by default.
    /// </summary>
    public int EndOfEventTimeoutSeconds { get; init; } = 2;

    /// <summary>The most events kept open at once; past it the oldest is emitted as <see cref="PartialReason.Evicted"/>.</summary>
    public int MaxOpenEvents { get; init; } = 4096;

    /// <summary>
    /// The most bytes the records of open events may hold (their lines, tokens and name keys); past it the oldest events
    /// are emitted as <see cref="PartialReason.Evicted"/>. Open events are bounded by count for real logs and by this for
    /// crafted ones, whose records can be 1 MiB lines of tens of thousands of fields: 64 MiB by default.
    /// </summary>
    public long MaxOpenBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How many recently emitted events are remembered to flag a late record as <see cref="PartialReason.LateRecord"/>.</summary>
    public int RecentlyEmittedMemory { get; init; } = 1024;
}
