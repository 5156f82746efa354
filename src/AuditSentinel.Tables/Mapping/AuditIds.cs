using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>Numeric id fields (uid, auid, ses, pid ...): the kernel writes 4294967295 or -1 for "unset", which is null here.</summary>
internal static class AuditIds
{
    private const long Unset32 = uint.MaxValue;

    /// <summary>An id, or null when missing, unset or not a number.</summary>
    internal static long? Id(in AuditField field) =>
        field.TryGetInt64(out var value) && value != Unset32 && value != -1 ? value : null;

    /// <summary>A 32-bit number such as a pid, or null.</summary>
    internal static int? Int32(in AuditField field) =>
        Id(field) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>A signed number such as a syscall exit value, or null; unlike ids, -1 is a value here.</summary>
    internal static long? Number(in AuditField field) => field.TryGetInt64(out var value) ? value : null;

    /// <summary>An ENRICHED user or group name; auditd writes <c>unset</c> for an unset id.</summary>
    internal static string? Name(in AuditField field) =>
        field.Text is { } name && !string.Equals(name, "unset", StringComparison.Ordinal) ? name : null;
}
