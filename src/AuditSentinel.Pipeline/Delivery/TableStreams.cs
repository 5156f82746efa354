using System.Collections.Frozen;
using AuditSentinel.Tables;

namespace AuditSentinel.Pipeline.Delivery;

/// <summary>The data collection rule stream of each table, taken from the table declarations.</summary>
public static class TableStreams
{
    private static readonly FrozenDictionary<string, string> StreamByTable =
        AuditTables.All.ToFrozenDictionary(static t => t.Name, static t => t.StreamName, StringComparer.Ordinal);

    /// <summary>The stream that feeds <paramref name="table"/>, e.g. <c>Custom-LinuxAuditEvents</c> for <c>LinuxAuditEvents_CL</c>.</summary>
    /// <exception cref="ArgumentException">No table of that name is declared.</exception>
    public static string StreamOf(string table) =>
        StreamByTable.TryGetValue(table, out var stream)
            ? stream
            : throw new ArgumentException($"No data collection rule stream is declared for table '{table}'; known tables: {string.Join(", ", StreamByTable.Keys)}.", nameof(table));
}
