using System.Text.Json;

namespace AuditSentinel.Azure.Query;

/// <summary>A query's tables, as returned by the service.</summary>
public sealed record LogsQueryResult(IReadOnlyList<LogsTable> Tables)
{
    /// <summary>The primary result table (the first).</summary>
    public LogsTable Table => Tables.Count > 0 ? Tables[0] : throw new InvalidOperationException("The query returned no table.");
}

/// <summary>One result table: column names and types, and rows of JSON values (in column order).</summary>
public sealed record LogsTable(string Name, IReadOnlyList<LogsColumn> Columns, IReadOnlyList<IReadOnlyList<JsonElement>> Rows);

/// <summary>A result column: name and Kusto type (string, long, datetime, dynamic...).</summary>
public sealed record LogsColumn(string Name, string Type);
