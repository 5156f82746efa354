using System.Text.Json;

namespace AuditSentinel.Tables.Schema;

/// <summary>
/// Writes the table schemas as the JSON the deployment consumes (Bicep <c>loadJsonContent</c>) and the KQL checks read:
/// <c>tables.json</c> (Log Analytics table columns) and <c>dcr-streams.json</c> (the data collection rule's stream
/// declarations and, per stream, the table it flows to). Output is deterministic: 2-space indentation, <c>\n</c>
/// line ends, a final newline.
/// </summary>
public static class SchemaExport
{
    /// <summary>The file holding the table columns.</summary>
    public const string TablesFileName = "tables.json";

    /// <summary>The file holding the DCR stream declarations and flows.</summary>
    public const string DcrStreamsFileName = "dcr-streams.json";

    private static readonly JsonWriterOptions Indented = new() { Indented = true, IndentSize = 2, NewLine = "\n" };

    /// <summary>Writes <see cref="TablesFileName"/> and <see cref="DcrStreamsFileName"/> for <see cref="AuditTables.All"/> into <paramref name="directory"/> (created if needed).</summary>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(string directory) => Write(directory, AuditTables.All);

    /// <summary>Writes the two files for <paramref name="tables"/> into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<TableSchema> tables)
    {
        Directory.CreateDirectory(directory);
        var tablesPath = Path.Combine(directory, TablesFileName);
        var streamsPath = Path.Combine(directory, DcrStreamsFileName);
        File.WriteAllBytes(tablesPath, TablesJson(tables));
        File.WriteAllBytes(streamsPath, DcrStreamsJson(tables));
        return [tablesPath, streamsPath];
    }

    /// <summary><c>{"tables":[{"name":"X_CL","columns":[{"name":..,"type":..}]}]}</c>.</summary>
    public static byte[] TablesJson(IReadOnlyList<TableSchema> tables) => Render(writer =>
    {
        ArgumentNullException.ThrowIfNull(tables);
        writer.WriteStartObject();
        writer.WriteStartArray("tables");
        foreach (var table in tables)
        {
            writer.WriteStartObject();
            writer.WriteString("name", table.Name);
            WriteColumns(writer, table);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>
    /// <c>{"streamDeclarations":{"Custom-X":{"columns":[..]}},"flows":[{"stream":"Custom-X","table":"X_CL","outputStream":"Custom-X_CL"}]}</c>:
    /// the DCR's <c>streamDeclarations</c> as they are, and what its <c>dataFlows</c> need per stream.
    /// </summary>
    public static byte[] DcrStreamsJson(IReadOnlyList<TableSchema> tables) => Render(writer =>
    {
        ArgumentNullException.ThrowIfNull(tables);
        writer.WriteStartObject();
        writer.WriteStartObject("streamDeclarations");
        foreach (var table in tables)
        {
            writer.WriteStartObject(table.StreamName);
            WriteColumns(writer, table);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("flows");
        foreach (var table in tables)
        {
            writer.WriteStartObject();
            writer.WriteString("stream", table.StreamName);
            writer.WriteString("table", table.Name);
            writer.WriteString("outputStream", "Custom-" + table.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteColumns(Utf8JsonWriter writer, TableSchema table)
    {
        writer.WriteStartArray("columns");
        foreach (var column in table.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", ColumnTypeNames.Of(column.Type));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static byte[] Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
