using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// Login uid, session and user/group ids. The kernel writes an unset id as 4294967295 ((u32)-1), some user-space
/// senders as -1; both mean "not set" (before login, daemons). ENRICHED logs carry auditd's names (<c>AUID="alice"</c>).
/// </summary>
public static class AuditIds
{
    /// <summary>The kernel's unset value, (u32)-1.</summary>
    public const long Unset = 4294967295;

    /// <summary>The name ENRICHED logs give an unset id.</summary>
    public const string UnsetName = "unset";

    /// <summary>True for 4294967295 and -1.</summary>
    public static bool IsUnset(long id) => id == Unset || id == -1;

    /// <summary>A numeric id field (<c>auid</c>, <c>uid</c>, <c>ses</c>...), or null when it is missing, not a number, or unset.</summary>
    public static long? Get(AuditRecord record, ReadOnlySpan<byte> name)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TryGetInt64(name, out var id) && !IsUnset(id) ? id : null;
    }

    /// <summary>
    /// The user or group name auditd resolved on the host, from the ENRICHED field (<c>"AUID"u8</c>, <c>"UID"u8</c>...);
    /// null when the log is not ENRICHED, the id is unset, or the host had no name for it (<c>unknown(1234)</c>). Names are never looked up on this machine.
    /// </summary>
    public static string? EnrichedName(AuditRecord record, ReadOnlySpan<byte> enrichedName)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = record.GetEnrichedText(enrichedName);
        return name is null || name == UnsetName || name.StartsWith("unknown(", StringComparison.Ordinal) ? null : name;
    }
}
