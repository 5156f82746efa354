namespace AuditSentinel.Parsing.Events;

/// <summary>What identifies an audit event: the host, the kernel timestamp and the serial number.</summary>
/// <param name="Node">The host (<c>node=</c> or syslog host; empty when the log names none).</param>
/// <param name="Timestamp">The event time.</param>
/// <param name="Serial">The serial number.</param>
public readonly record struct EventKey(string Node, AuditTimestamp Timestamp, ulong Serial)
{
    /// <summary>
    /// Hashes the serial and time, and only the length of the host: the assembler hashes every key several times, the
    /// serial and time already tell events apart, and hashing the host's characters cost more than all the rest.
    /// </summary>
    public override int GetHashCode() => HashCode.Combine(Serial, Timestamp, Node?.Length ?? 0);
}
