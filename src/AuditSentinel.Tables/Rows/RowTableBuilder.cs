using System.Text.Json;
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
        Reference(name, ColumnType.String, description, value, static (w, n, v) => w.WriteString(n, v));

    /// <summary>An <c>int</c> column; null is left out.</summary>
    public RowTableBuilder<TRow> Int(string name, string description, Func<TRow, int?> value) =>
        Scalar(name, ColumnType.Int, description, value, static (w, n, v) => w.WriteNumber(n, v));

    /// <summary>A <c>long</c> column; null is left out.</summary>
    public RowTableBuilder<TRow> Long(string name, string description, Func<TRow, long?> value) =>
        Scalar(name, ColumnType.Long, description, value, static (w, n, v) => w.WriteNumber(n, v));

    /// <summary>A <c>boolean</c> column; null is left out.</summary>
    public RowTableBuilder<TRow> Boolean(string name, string description, Func<TRow, bool?> value) =>
        Scalar(name, ColumnType.Boolean, description, value, static (w, n, v) => w.WriteBoolean(n, v));

    /// <summary>A <c>datetime</c> column written as ISO 8601 UTC with milliseconds; null is left out.</summary>
    public RowTableBuilder<TRow> DateTime(string name, string description, Func<TRow, DateTimeOffset?> value) =>
        Scalar(name, ColumnType.DateTime, description, value, RowJson.WriteDateTime);

    /// <summary>A <c>dynamic</c> column holding an array of strings (a null item is written as null); null is left out.</summary>
    public RowTableBuilder<TRow> StringArray(string name, string description, Func<TRow, IReadOnlyList<string?>?> value) =>
        Reference(name, ColumnType.Dynamic, description, value, RowJson.WriteStringArray);

    /// <summary>A <c>dynamic</c> column holding an object of string values; null is left out.</summary>
    public RowTableBuilder<TRow> StringMap(string name, string description, Func<TRow, FieldMap?> value) =>
        Reference(name, ColumnType.Dynamic, description, value, static (w, n, v) =>
        {
            w.WritePropertyName(n);
            v.WriteTo(w);
        });

    /// <summary>A <c>dynamic</c> column holding an array of objects of string values; null is left out.</summary>
    public RowTableBuilder<TRow> StringMapArray(string name, string description, Func<TRow, IReadOnlyList<FieldMap>?> value) =>
        Reference(name, ColumnType.Dynamic, description, value, static (w, n, v) =>
        {
            w.WriteStartArray(n);
            for (var i = 0; i < v.Count; i++)
            {
                v[i].WriteTo(w);
            }

            w.WriteEndArray();
        });

    /// <summary>A <c>dynamic</c> column holding an object of counts; null is left out.</summary>
    public RowTableBuilder<TRow> CountMap(string name, string description, Func<TRow, IReadOnlyList<KeyValuePair<string, long>>?> value) =>
        Reference(name, ColumnType.Dynamic, description, value, static (w, n, v) =>
        {
            w.WriteStartObject(n);
            for (var i = 0; i < v.Count; i++)
            {
                w.WriteNumber(v[i].Key, v[i].Value);
            }

            w.WriteEndObject();
        });

    /// <summary>The table.</summary>
    public RowTable<TRow> Build() => new(baseName, [.. _columns]);

    private RowTableBuilder<TRow> Scalar<T>(string name, ColumnType type, string description, Func<TRow, T?> value, Action<Utf8JsonWriter, JsonEncodedText, T> write)
        where T : struct =>
        Add(name, type, description, (w, n, r) =>
        {
            if (value(r) is { } v)
            {
                write(w, n, v);
            }
        });

    private RowTableBuilder<TRow> Reference<T>(string name, ColumnType type, string description, Func<TRow, T?> value, Action<Utf8JsonWriter, JsonEncodedText, T> write)
        where T : class =>
        Add(name, type, description, (w, n, r) =>
        {
            if (value(r) is { } v)
            {
                write(w, n, v);
            }
        });

    private RowTableBuilder<TRow> Add(string name, ColumnType type, string description, Action<Utf8JsonWriter, JsonEncodedText, TRow> write)
    {
        _columns.Add(new RowColumn<TRow>(new Column(name, type, description), write));
        return this;
    }
}
