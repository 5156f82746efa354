using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// A table whose columns are declared together with the code that writes them, so the schema that is exported and
/// the JSON that is sent cannot drift apart. Build one with <see cref="RowTableBuilder{TRow}"/>.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class RowTable<TRow>
{
    private readonly RowColumn<TRow>[] _columns;

    internal RowTable(string baseName, RowColumn<TRow>[] columns)
    {
        _columns = columns;
        var declared = new Column[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            declared[i] = columns[i].Column;
        }

        Schema = new TableSchema(baseName, declared);
    }

    /// <summary>The table's schema.</summary>
    public TableSchema Schema { get; }

    /// <summary>Writes <paramref name="row"/> as one JSON object: columns in schema order, null values left out.</summary>
    internal void Write(RowJsonBuffer json, TRow row)
    {
        json.WriteStartObject();
        foreach (var column in _columns)
        {
            column.Write(json, row);
        }

        json.WriteEndObject();
    }
}
