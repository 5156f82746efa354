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

    /// <summary>How many recently emitted events are remembered to flag a late record as <see cref="PartialReason.LateRecord"/>.</summary>
    public int RecentlyEmittedMemory { get; init; } = 1024;
}
