using System.Text.Json;
using AuditSentinel.Azure.Query;
using Spectre.Console;

namespace AuditSentinel.Cli.Output;

/// <summary>
/// Prints a query result: a table for people, or TSV for scripts. Nothing follows the last row, so a count query's
/// count is the last number printed (infra/scripts/smoke-test.sh reads it that way).
/// </summary>
internal static class QueryResultRenderer
{
    internal static void Render(IAnsiConsole console, LogsTable table)
    {
        var grid = new Table().Border(TableBorder.Rounded);
        foreach (var column in table.Columns)
        {
            grid.AddColumn(new TableColumn(Markup.Escape(column.Name)) { Alignment = IsNumeric(column.Type) ? Justify.Right : Justify.Left });
        }

        foreach (var row in table.Rows)
        {
            grid.AddRow(row.Select(v => Markup.Escape(Text(v))).ToArray());
        }

        console.Write(grid);
    }

    internal static async Task WriteTsvAsync(TextWriter output, LogsTable table)
    {
        await output.WriteLineAsync(string.Join('\t', table.Columns.Select(c => c.Name)));
        foreach (var row in table.Rows)
        {
            // Tabs and line breaks inside values would break the format: they are escaped as \t, \n, \r.
            await output.WriteLineAsync(string.Join('\t', row.Select(v => Text(v).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal))));
        }
    }

    private static bool IsNumeric(string type) => type is "long" or "int" or "real" or "decimal";

    /// <summary>Strings as they are, null as empty, numbers, booleans, objects and arrays as JSON.</summary>
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };
}
