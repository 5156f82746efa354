using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The decoded text of a field value for a column, reusing the string of the same value seen before: user, syscall
/// and arch names, comm, exe, terminal, op and keys repeat from event to event, so a hit costs a hash and a compare
/// instead of a decode and a new string that the row keeps alive until it is written. Direct-mapped, one per thread:
/// a slot holds the last value that hashed to it; long values (command lines, titles) are decoded as before.
/// </summary>
internal static class ColumnTexts
{
    private const int MaxCachedLength = 64;

    [ThreadStatic]
    private static RecentValues<string?>? t_recent;

    /// <summary>The value decoded as <see cref="AuditField.Text"/> does (null when absent).</summary>
    internal static string? Of(in AuditField field)
    {
        var raw = field.RawValue;
        if (field.Kind == FieldKind.Absent || raw.Length > MaxCachedLength)
        {
            return field.Text;
        }

        // Only hex-encoded values decode differently from their raw bytes; every other kind is its raw bytes as UTF-8.
        // A hit (nearly every read) is the table's inlined hash and compare, without a call.
        var recent = t_recent ??= new(slotBits: 10);
        var hex = field.Kind == FieldKind.Hex;
        return recent.TryGet(raw, hex, out var text) ? text : recent.Add(raw, hex, field.Text);
    }
}
