using System.Text;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// Interpreted values (names for numbers, decoded addresses) taken from what auditd's ENRICHED format already
/// interpreted. One place, so the parsing library's interpretation can take over where ENRICHED values are missing.
/// </summary>
internal static class Interpreted
{
    /// <summary>The syscall name (ENRICHED SYSCALL=), else the number as written.</summary>
    internal static string? Syscall(EventFields fields, AuditRecord syscall) =>
        EnrichedOrRaw(fields, syscall, "SYSCALL"u8, "syscall"u8);

    /// <summary>The architecture name (ENRICHED ARCH=), else the audit arch value as written.</summary>
    internal static string? Arch(EventFields fields, AuditRecord syscall) =>
        EnrichedOrRaw(fields, syscall, "ARCH"u8, "arch"u8);

    /// <summary>Family, address and port of a SOCKADDR record from ENRICHED <c>SADDR={ saddr_fam=inet laddr=.. lport=.. }</c>.</summary>
    internal static (string? Family, string? Address, int? Port) Socket(EventFields fields, AuditRecord sockaddr)
    {
        if (!fields.TryTakeEnriched(sockaddr, "SADDR"u8, out var saddr) || saddr.Kind != FieldKind.Braced)
        {
            return default;
        }

        string? family = null, address = null;
        int? port = null;
        foreach (var (name, value) in BracedPairs(Encoding.UTF8.GetString(saddr.RawValue)))
        {
            switch (name)
            {
                case "saddr_fam":
                    family = value;
                    break;
                case "laddr" or "path":
                    address = value;
                    break;
                case "lport" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                    port = parsed;
                    break;
            }
        }

        return (family, address, port);
    }

    /// <summary>The process title with its NUL-separated arguments joined by spaces.</summary>
    internal static string? ProcTitle(EventFields fields, AuditRecord proctitle) =>
        fields.TryTake(proctitle, "proctitle"u8, out var field) ? field.Text?.TrimEnd('\0').Replace('\0', ' ') : null;

    private static string? EnrichedOrRaw(EventFields fields, AuditRecord record, ReadOnlySpan<byte> enrichedName, ReadOnlySpan<byte> rawName)
    {
        var raw = fields.TryTake(record, rawName, out var rawField) ? rawField.Text : null;
        return fields.TryTakeEnriched(record, enrichedName, out var enriched) && enriched.Text is { } name ? name : raw;
    }

    private static IEnumerable<(string Name, string Value)> BracedPairs(string inner)
    {
        foreach (var word in inner.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                yield return (word[..equals], word[(equals + 1)..]);
            }
        }
    }
}
