namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Receives a table's columns in schema order, each with its name, its description and its value in one row (see
/// <see cref="ColumnDeclaration{TRow, TColumns}"/>): one visitor reads the schema, another writes the row as JSON. A null value is a
/// column the row leaves out.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the Azure Monitor column types.")]
internal interface IColumnVisitor
{
    /// <summary>A <c>string</c> column.</summary>
    void String(string name, string description, string? value);

    /// <summary>An <c>int</c> column.</summary>
    void Int(string name, string description, int? value);

    /// <summary>A <c>long</c> column.</summary>
    void Long(string name, string description, long? value);

    /// <summary>A <c>boolean</c> column.</summary>
    void Boolean(string name, string description, bool? value);

    /// <summary>A <c>datetime</c> column, written as ISO 8601 UTC with milliseconds.</summary>
    void DateTime(string name, string description, DateTimeOffset? value);

    /// <summary>A <c>dynamic</c> column holding an array of strings (a null item is written as null).</summary>
    void StringArray(string name, string description, IReadOnlyList<string?>? value);

    /// <summary>A <c>dynamic</c> column holding an object of string values.</summary>
    void StringMap(string name, string description, FieldMap? value);

    /// <summary>A <c>dynamic</c> column holding an array of objects of string values.</summary>
    void StringMapArray(string name, string description, IReadOnlyList<FieldMap>? value);

    /// <summary>A <c>dynamic</c> column holding an object of counts.</summary>
    void CountMap(string name, string description, IReadOnlyList<KeyValuePair<string, long>>? value);
}
