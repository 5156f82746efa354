using System.Runtime.CompilerServices;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes a row's columns as the properties of a JSON object, leaving out null values, inside a row the buffer has
/// started (<see cref="RowJsonBuffer.StartRow"/>). The calls are inlined into the table's declaration. Each column's
/// name is the prefix at its position in the table's prefixes, and where the next column goes is held here by
/// reference, so a column costs a null check, and when it has a value a call that stores it and returns its length.
/// A column that may take more than its short form (a long or escaped string, an array, a map) goes through the
/// buffer's own methods and asks for the row's room again after it.
/// </summary>
/// <remarks>
/// The end is an unchecked reference: each short form stores at most its share of the room the buffer keeps for the
/// row's columns (<see cref="RowJsonBuffer.StartRow"/>), which is the bound its stores rely on.
/// </remarks>
internal ref struct JsonColumns : IColumnVisitor
{
    private readonly RowJsonBuffer _json;
    private readonly ColumnPrefix[] _prefixes;
    private int _next;
    private ref byte _end;

    /// <param name="json">The buffer, with a row started.</param>
    /// <param name="prefixes">The table's column prefixes, in schema order.</param>
    internal JsonColumns(RowJsonBuffer json, ColumnPrefix[] prefixes)
    {
        _json = json;
        _prefixes = prefixes;
        _end = ref json.RowEnd;
    }

    /// <summary>The columns visited so far.</summary>
    internal readonly int Visited => _next;

    /// <summary>Hands what was written back to the buffer; call once, after the declaration.</summary>
    internal readonly void Finish() => _json.SetRowEnd(ref _end);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void String(string name, string description, string? value)
    {
        var prefix = Next();
        if (value is not null)
        {
            var written = RowJsonBuffer.TryWriteShortString(ref _end, prefix, value);
            if (written == 0)
            {
                WriteOtherString(prefix, value);
                return;
            }

            _end = ref Unsafe.Add(ref _end, written);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Int(string name, string description, int? value) => Long(name, description, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Long(string name, string description, long? value)
    {
        var prefix = Next();
        if (value is { } number)
        {
            _end = ref Unsafe.Add(ref _end, RowJsonBuffer.WriteNumber(ref _end, prefix, number));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Boolean(string name, string description, bool? value)
    {
        var prefix = Next();
        if (value is { } flag)
        {
            _end = ref Unsafe.Add(ref _end, RowJsonBuffer.WriteBoolean(ref _end, prefix, flag));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DateTime(string name, string description, DateTimeOffset? value)
    {
        var prefix = Next();
        if (value is { } time)
        {
            _end = ref Unsafe.Add(ref _end, _json.WriteDateTime(ref _end, prefix, time));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringArray(string name, string description, IReadOnlyList<string?>? value)
    {
        var prefix = Next();
        if (value is not null)
        {
            _json.SetRowEnd(ref _end);
            WriteStrings(_json, prefix, value);
            _end = ref _json.RowEnd;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringMap(string name, string description, FieldMap? value)
    {
        var prefix = Next();
        if (value is not null)
        {
            _json.SetRowEnd(ref _end);
            WriteMap(_json, prefix, value);
            _end = ref _json.RowEnd;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringMapArray(string name, string description, IReadOnlyList<FieldMap>? value)
    {
        var prefix = Next();
        if (value is not null)
        {
            _json.SetRowEnd(ref _end);
            WriteMaps(_json, prefix, value);
            _end = ref _json.RowEnd;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountMap(string name, string description, IReadOnlyList<KeyValuePair<string, long>>? value)
    {
        var prefix = Next();
        if (value is not null)
        {
            _json.SetRowEnd(ref _end);
            WriteCounts(_json, prefix, value);
            _end = ref _json.RowEnd;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ColumnPrefix Next() => _prefixes[_next++];

    // The long or escaped string, out of the declaration's straight-line code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteOtherString(ColumnPrefix prefix, string value)
    {
        _json.SetRowEnd(ref _end);
        _json.WriteOtherString(prefix, value);
        _json.KeepRowRoom();
        _end = ref _json.RowEnd;
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
        json.KeepRowRoom();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteMap(RowJsonBuffer json, ColumnPrefix prefix, FieldMap map)
    {
        json.WriteEncodedPropertyName(prefix);
        map.WriteTo(json);
        json.KeepRowRoom();
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
        json.KeepRowRoom();
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
        json.KeepRowRoom();
    }
}
