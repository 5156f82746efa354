using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Tables.Rows;

/// <summary>Declares a table's columns in order, each with the accessor that supplies its value.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <param name="baseName">The table name without <c>_CL</c>.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the Azure Monitor column types.")]
public sealed class RowTableBuilder<TRow>(string baseName)
{
    private readonly List<RowColumn<TRow>> _columns = [];

    /// <summary>A <c>string</c> column; null is left out.</summary>
    public RowTableBuilder<TRow> String(string name, string description, Func<TRow, string?> value) =>
        Add(new StringColumn<TRow>(new Column(name, ColumnType.String, description), value));

    /// <summary>An <c>int</c> column; null is left out.</summary>
    public RowTableBuilder<TRow> Int(string name, string description, Func<TRow, int?> value) =>
        Add(new NumberColumn<TRow, int>(new Column(name, ColumnType.Int, description), value));

    /// <summary>A <c>long</c> column; null is left out.</summary>
    public RowTableBuilder<TRow> Long(string name, string description, Func<TRow, long?> value) =>
        Add(new NumberColumn<TRow, long>(new Column(name, ColumnType.Long, description), value));

    /// <summary>A <c>boolean</c> column; null is left out.</summary>
    public RowTableBuilder<TRow> Boolean(string name, string description, Func<TRow, bool?> value) =>
        Add(new BooleanColumn<TRow>(new Column(name, ColumnType.Boolean, description), value));

    /// <summary>A <c>datetime</c> column written as ISO 8601 UTC with milliseconds; null is left out.</summary>
    public RowTableBuilder<TRow> DateTime(string name, string description, Func<TRow, DateTimeOffset?> value) =>
        Add(new DateTimeColumn<TRow>(new Column(name, ColumnType.DateTime, description), value));

    /// <summary>A <c>dynamic</c> column holding an array of strings (a null item is written as null); null is left out.</summary>
    public RowTableBuilder<TRow> StringArray(string name, string description, Func<TRow, IReadOnlyList<string?>?> value) =>
        Add(new StringArrayColumn<TRow>(new Column(name, ColumnType.Dynamic, description), value));

    /// <summary>A <c>dynamic</c> column holding an object of string values; null is left out.</summary>
    public RowTableBuilder<TRow> StringMap(string name, string description, Func<TRow, FieldMap?> value) =>
        Add(new StringMapColumn<TRow>(new Column(name, ColumnType.Dynamic, description), value));

    /// <summary>A <c>dynamic</c> column holding an array of objects of string values; null is left out.</summary>
    public RowTableBuilder<TRow> StringMapArray(string name, string description, Func<TRow, IReadOnlyList<FieldMap>?> value) =>
        Add(new StringMapArrayColumn<TRow>(new Column(name, ColumnType.Dynamic, description), value));

    /// <summary>A <c>dynamic</c> column holding an object of counts; null is left out.</summary>
    public RowTableBuilder<TRow> CountMap(string name, string description, Func<TRow, IReadOnlyList<KeyValuePair<string, long>>?> value) =>
        Add(new CountMapColumn<TRow>(new Column(name, ColumnType.Dynamic, description), value));

    /// <summary>The table.</summary>
    public RowTable<TRow> Build() => new(baseName, [.. _columns]);

    private RowTableBuilder<TRow> Add(RowColumn<TRow> column)
    {
        _columns.Add(column);
        return this;
    }
}
