using System.Runtime.CompilerServices;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes a row's columns as the properties of a JSON object, leaving out null values. Each column's name is the
/// prefix at its position in <paramref name="prefixes"/> (the table's columns in schema order), so a column costs a
/// null check, and a write when it has a value: the calls are inlined into the table's declaration.
/// </summary>
internal struct JsonColumns(RowJsonBuffer json, ColumnPrefix[] prefixes) : IColumnVisitor
{
    private int _next;

    /// <summary>The columns visited so far.</summary>
    internal readonly int Visited => _next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void String(string name, string description, string? value)
    {
        var column = _next++;
        if (value is not null)
        {
            json.WriteString(prefixes[column], value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Int(string name, string description, int? value) => Long(name, description, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Long(string name, string description, long? value)
    {
        var column = _next++;
        if (value is { } number)
        {
            json.WriteNumber(prefixes[column], number);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Boolean(string name, string description, bool? value)
    {
        var column = _next++;
        if (value is { } flag)
        {
            json.WriteBoolean(prefixes[column], flag);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DateTime(string name, string description, DateTimeOffset? value)
    {
        var column = _next++;
        if (value is { } time)
        {
            json.WriteDateTime(prefixes[column], time);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringArray(string name, string description, IReadOnlyList<string?>? value)
    {
        var column = _next++;
        if (value is not null)
        {
            WriteStrings(json, prefixes[column], value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringMap(string name, string description, FieldMap? value)
    {
        var column = _next++;
        if (value is not null)
        {
            json.WriteEncodedPropertyName(prefixes[column]);
            value.WriteTo(json);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringMapArray(string name, string description, IReadOnlyList<FieldMap>? value)
    {
        var column = _next++;
        if (value is not null)
        {
            WriteMaps(json, prefixes[column], value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountMap(string name, string description, IReadOnlyList<KeyValuePair<string, long>>? value)
    {
        var column = _next++;
        if (value is not null)
        {
            WriteCounts(json, prefixes[column], value);
        }
    }

    // The loops stay out of the declaration's straight-line code: one copy each, not one per column.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteStrings(RowJsonBuffer json, ColumnPrefix prefix, IReadOnlyList<string?> items)
    {
        json.WriteStartArray(prefix);
        if (items is string?[] array)
        {
            // The rows' lists are arrays: read as a span, not through an interface call per item.
            foreach (var item in array)
            {
                json.WriteStringValue(item);
            }
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                json.WriteStringValue(items[i]);
            }
        }

        json.WriteEndArray();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteMaps(RowJsonBuffer json, ColumnPrefix prefix, IReadOnlyList<FieldMap> maps)
    {
        json.WriteStartArray(prefix);
        for (var i = 0; i < maps.Count; i++)
        {
            maps[i].WriteTo(json);
        }

        json.WriteEndArray();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteCounts(RowJsonBuffer json, ColumnPrefix prefix, IReadOnlyList<KeyValuePair<string, long>> counts)
    {
        json.WriteStartObject(prefix);
        for (var i = 0; i < counts.Count; i++)
        {
            json.WritePropertyName(counts[i].Key.AsSpan());
            json.WriteNumberValue(counts[i].Value);
        }

        json.WriteEndObject();
    }
}
