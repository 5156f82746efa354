using AuditSentinel.Parsing.Records;
using ParsedIds = AuditSentinel.Parsing.Interpretation.AuditIds;

namespace AuditSentinel.Tables.Mapping;

/// <summary>Typed column values from id and number fields; unset ids (4294967295, -1) are null.</summary>
internal static class FieldNumbers
{
    // Up to 18 decimal digits cannot overflow a long.
    private const int MaxPlainDigits = 18;

    /// <summary>An id, or null when missing, unset or not a number.</summary>
    internal static long? Id(in AuditField field) =>
        TryGetInt64(field, out var value) && !ParsedIds.IsUnset(value) ? value : null;

    /// <summary>A 32-bit number such as a pid, or null.</summary>
    internal static int? Int32(in AuditField field) =>
        Id(field) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>A signed number such as a syscall exit value, or null; unlike ids, -1 is a value here.</summary>
    internal static long? Number(in AuditField field) => TryGetInt64(field, out var value) ? value : null;

    /// <summary>An ENRICHED user or group name; null for <c>unset</c> and for ids the host had no name for (<c>unknown(1234)</c>).</summary>
    internal static string? Name(in AuditField field) =>
        ColumnTexts.Of(field) is { } name && name != ParsedIds.UnsetName && !name.StartsWith("unknown(", StringComparison.Ordinal) ? name : null;

    /// <summary>
    /// The value as <see cref="AuditField.TryGetInt64"/> parses it. Nearly every number in a log is a few plain digits
    /// (ids, pids, sessions): read here in a loop, without the general parser's calls, which also take a sign and up to
    /// 19 digits.
    /// </summary>
    internal static bool TryGetInt64(in AuditField field, out long value)
    {
        var raw = field.RawValue;
        if ((uint)(raw.Length - 1) < MaxPlainDigits)
        {
            var number = 0L;
            foreach (var character in raw)
            {
                var digit = (uint)(character - '0');
                if (digit > 9)
                {
                    return field.TryGetInt64(out value);
                }

                number = (number * 10) + digit;
            }

            value = number;
            return true;
        }

        return field.TryGetInt64(out value);
    }
}
