using System.Runtime.InteropServices;

namespace AuditSentinel.Parsing.Events;

/// <summary>What identifies an audit event: the host, the kernel timestamp and the serial number.</summary>
/// <param name="Node">The host (<c>node=</c> or syslog host; empty when the log names none).</param>
/// <param name="Timestamp">The event time.</param>
/// <param name="Serial">The serial number.</param>
public readonly record struct EventKey(string Node, AuditTimestamp Timestamp, ulong Serial)
{
    /// <summary>
    /// Compares the serial first, the part that tells events apart, and the host last: the parser hands every record
    /// of a host the same string, so that compare is mostly a reference check.
    /// </summary>
    public bool Equals(EventKey other) =>
        Serial == other.Serial && Timestamp == other.Timestamp && (ReferenceEquals(Node, other.Node) || string.Equals(Node, other.Node, StringComparison.Ordinal));

    /// <summary>
    /// Hashes the serial, the time and the host's last four characters (its length when shorter): the assembler hashes
    /// every key several times, and the host's full string hash cost more than all the rest. The host counts, since
    /// hosts forwarded into one log can share serials and times (a corpus generated from one recording does), and host
    /// names mostly differ at the end. <see cref="HashCode"/> is seeded per process, so a crafted log cannot choose
    /// serials that all land in one bucket of the assembler's tables.
    /// </summary>
    public override int GetHashCode()
    {
        // The last four characters are one 8-byte read; a shorter host hashes by its length and characters.
        var node = Node ?? string.Empty;
        var hostTail = node.Length >= 4
            ? MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(node.AsSpan(node.Length - 4)))
            : ShortHostTail(node);
        return HashCode.Combine(Serial, hostTail, Timestamp.Seconds, Timestamp.Milliseconds);
    }

    private static ulong ShortHostTail(string node)
    {
        var tail = (ulong)node.Length;
        foreach (var c in node)
        {
            tail = (tail << 16) ^ c;
        }

        return tail;
    }
}
