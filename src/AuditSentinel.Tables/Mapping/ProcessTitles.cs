using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The ProcTitle column of a <c>proctitle=</c> value, reusing the text of the same raw value seen before: a host runs
/// the same commands and daemons again and again, so a hit costs a hash and a compare instead of a hex decode and a new
/// string. Direct-mapped, one per thread, like <see cref="ColumnTexts"/>; a value longer than the kernel writes is
/// decoded every time, so crafted long values cannot fill the table.
/// </summary>
internal static class ProcessTitles
{
    // The kernel keeps 128 bytes of a title: 256 hex digits.
    private const int MaxCachedLength = 256;

    [ThreadStatic]
    private static RecentValues<string?>? t_recent;

    /// <summary>The title as <see cref="ProcTitle.DisplayText"/> gives it (null when absent).</summary>
    internal static string? Of(in AuditField proctitle)
    {
        var raw = proctitle.RawValue;
        // Only hex-encoded values decode differently from their raw bytes.
        return proctitle.Kind == FieldKind.Absent || raw.Length > MaxCachedLength
            ? ProcTitle.DisplayText(proctitle)
            : (t_recent ??= new(slotBits: 8)).GetOrAdd(raw, proctitle.Kind == FieldKind.Hex, proctitle, static f => ProcTitle.DisplayText(f));
    }
}
