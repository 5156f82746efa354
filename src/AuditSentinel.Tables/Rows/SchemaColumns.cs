using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Tables.Rows;

/// <summary>Reads a table's declared columns into <paramref name="columns"/>; the values are not looked at.</summary>
internal readonly struct SchemaColumns(List<Column> columns) : IColumnVisitor
{
    public void String(string name, string description, string? value) => Add(name, ColumnType.String, description);

    public void Int(string name, string description, int? value) => Add(name, ColumnType.Int, description);

    public void Long(string name, string description, long? value) => Add(name, ColumnType.Long, description);

    public void Boolean(string name, string description, bool? value) => Add(name, ColumnType.Boolean, description);

    public void DateTime(string name, string description, DateTimeOffset? value) => Add(name, ColumnType.DateTime, description);

    public void StringArray(string name, string description, IReadOnlyList<string?>? value) => Add(name, ColumnType.Dynamic, description);

    public void StringMap(string name, string description, FieldMap? value) => Add(name, ColumnType.Dynamic, description);

    public void StringMapArray(string name, string description, IReadOnlyList<FieldMap>? value) => Add(name, ColumnType.Dynamic, description);

    public void CountMap(string name, string description, IReadOnlyList<KeyValuePair<string, long>>? value) => Add(name, ColumnType.Dynamic, description);

    private void Add(string name, ColumnType type, string description) => columns.Add(new Column(name, type, description));
}
