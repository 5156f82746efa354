namespace AuditSentinel.Parsing.Events;

/// <summary>Why an event may be missing some of its records.</summary>
public enum PartialReason
{
    /// <summary>The event is whole.</summary>
    None,
    /// <summary>Too many events were in flight; the oldest was emitted before it ended.</summary>
    Evicted,
    /// <summary>The input unit (an Event Hubs batch) ended before the event did; the rest may come in the next unit.</summary>
    InputBoundary,
    /// <summary>A record arrived after its event had already been emitted.</summary>
    LateRecord,
    /// <summary>
    /// The event holds only records that follow its start (EXECVE, CWD, PATH, PROCTITLE, EOE...): it began before
    /// the input did, e.g. in the previous blob or batch.
    /// </summary>
    MissingStart,
}
