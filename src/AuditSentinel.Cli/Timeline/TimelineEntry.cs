namespace AuditSentinel.Cli.Timeline;

/// <summary>One step of a session as an analyst reads it.</summary>
/// <param name="Time">The audit time.</param>
/// <param name="Serial">The audit serial, to order events of the same millisecond.</param>
/// <param name="Kind">login, exec, keys, logout, or the event's category.</param>
/// <param name="Actor">Who: the audit user, with the effective user when it differs (<c>carol→root</c>).</param>
/// <param name="Text">What happened.</param>
internal sealed record TimelineEntry(DateTimeOffset Time, long Serial, string Kind, string Actor, string Text);
