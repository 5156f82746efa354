using AuditSentinel.Parsing.Records;
using ParsedIds = AuditSentinel.Parsing.Interpretation.AuditIds;

namespace AuditSentinel.Tables.Mapping;

/// <summary>Typed column values from id and number fields; unset ids (4294967295, -1) are null.</summary>
internal static class FieldNumbers
{
    /// <summary>An id, or null when missing, unset or not a number.</summary>
    internal static long? Id(in AuditField field) =>
        field.TryGetInt64(out var value) && !ParsedIds.IsUnset(value) ? value : null;

    /// <summary>A 32-bit number such as a pid, or null.</summary>
    internal static int? Int32(in AuditField field) =>
        Id(field) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>A signed number such as a syscall exit value, or null; unlike ids, -1 is a value here.</summary>
    internal static long? Number(in AuditField field) => field.TryGetInt64(out var value) ? value : null;

    /// <summary>An ENRICHED user or group name; null for <c>unset</c> and for ids the host had no name for (<c>unknown(1234)</c>).</summary>
    internal static string? Name(in AuditField field) =>
        ColumnTexts.Of(field) is { } name && name != ParsedIds.UnsetName && !name.StartsWith("unknown(", StringComparison.Ordinal) ? name : null;
}
