using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// A table whose columns are declared once, together with the values that fill them (<see cref="ColumnDeclaration{TRow, TColumns}"/>),
/// so the schema that is exported and the JSON that is sent cannot drift apart.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class RowTable<TRow>
{
    private readonly ColumnPrefix[] _prefixes;
    private readonly ColumnDeclaration<TRow, JsonColumns> _writeColumns;

    private RowTable(TableSchema schema, ColumnDeclaration<TRow, JsonColumns> writeColumns)
    {
        Schema = schema;
        _prefixes = [.. schema.Columns.Select(column => RowJsonBuffer.EncodeName(column.Name))];
        _writeColumns = writeColumns;
    }

    /// <summary>The table's schema.</summary>
    public TableSchema Schema { get; }

    /// <summary>
    /// The table named <c>{baseName}_CL</c> whose columns one generic method declares (see
    /// <see cref="ColumnDeclaration{TRow, TColumns}"/>), given once for each visitor (the same method twice), so each is
    /// its own compiled copy. A static abstract interface member would say it once, but calling it from the table's
    /// shared generic code is refused by the NativeAOT compiler ("VTable ... not computed by the IL scanner").
    /// </summary>
    /// <param name="baseName">The table name without <c>_CL</c>.</param>
    /// <param name="anyRow">A row to read the declaration with; its values are not looked at.</param>
    /// <param name="readSchema">The declaration, reading the columns.</param>
    /// <param name="writeColumns">The same declaration, writing a row's columns.</param>
    internal static RowTable<TRow> Declare(string baseName, TRow anyRow, ColumnDeclaration<TRow, SchemaColumns> readSchema, ColumnDeclaration<TRow, JsonColumns> writeColumns)
    {
        var columns = new List<Column>();
        var schema = new SchemaColumns(columns);
        readSchema(anyRow, ref schema);
        return new RowTable<TRow>(new TableSchema(baseName, columns), writeColumns);
    }

    /// <summary>Writes <paramref name="row"/> as one JSON object: columns in schema order, null values left out.</summary>
    internal void Write(RowJsonBuffer json, TRow row)
    {
        json.StartRow(_prefixes.Length);
        var columns = new JsonColumns(json, _prefixes);
        _writeColumns(row, ref columns);
        // A declaration that skipped a column for some rows (against its contract) is refused rather than let its rows
        // carry shifted names; one that visited more runs out of prefixes.
        if (columns.Visited != _prefixes.Length)
        {
            throw new InvalidOperationException($"The declaration of {Schema.Name} visited {columns.Visited} of its {_prefixes.Length} columns; it must visit every column once for every row.");
        }

        columns.Finish();
        json.EndRow();
    }
}
