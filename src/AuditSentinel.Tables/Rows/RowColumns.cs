using System.Numerics;
using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Tables.Rows;

// One small column type per JSON form, so writing a column costs one virtual call and one accessor call.

/// <summary>A <c>string</c> column.</summary>
internal sealed class StringColumn<TRow>(Column column, Func<TRow, string?> value) : RowColumn<TRow>(column)
{
    public override void Write(RowJsonBuffer json, TRow row)
    {
        if (value(row) is { } text)
        {
            json.WriteString(EncodedName, text);
        }
    }
}

/// <summary>An <c>int</c> or <c>long</c> column (JSON numbers alike), read as its own type: no conversion call per value.</summary>
internal sealed class NumberColumn<TRow, TNumber>(Column column, Func<TRow, TNumber?> value) : RowColumn<TRow>(column)
    where TNumber : struct, IBinaryInteger<TNumber>
{
    public override void Write(RowJsonBuffer json, TRow row)
    {
        if (value(row) is { } number)
        {
            json.WriteNumber(EncodedName, long.CreateTruncating(number));
        }
    }
}

/// <summary>A <c>boolean</c> column.</summary>
internal sealed class BooleanColumn<TRow>(Column column, Func<TRow, bool?> value) : RowColumn<TRow>(column)
{
    public override void Write(RowJsonBuffer json, TRow row)
    {
        if (value(row) is { } flag)
        {
            json.WriteEncodedPropertyName(EncodedName);
            json.WriteBooleanValue(flag);
        }
    }
}

/// <summary>A <c>datetime</c> column.</summary>
internal sealed class DateTimeColumn<TRow>(Column column, Func<TRow, DateTimeOffset?> value) : RowColumn<TRow>(column)
{
    public override void Write(RowJsonBuffer json, TRow row)
    {
        if (value(row) is { } time)
        {
            json.WriteDateTime(EncodedName, time);
        }
    }
}

/// <summary>A <c>dynamic</c> column holding an array of strings.</summary>
internal sealed class StringArrayColumn<TRow>(Column column, Func<TRow, IReadOnlyList<string?>?> value) : RowColumn<TRow>(column)
{
    public override void Write(RowJsonBuffer json, TRow row)
    {
        if (value(row) is not { } items)
        {
            return;
        }

        json.WriteStartArray(EncodedName);
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
}

/// <summary>A <c>dynamic</c> column holding an object of string values.</summary>
internal sealed class StringMapColumn<TRow>(Column column, Func<TRow, FieldMap?> value) : RowColumn<TRow>(column)
{
    public override void Write(RowJsonBuffer json, TRow row)
    {
        if (value(row) is { } map)
        {
            json.WriteEncodedPropertyName(EncodedName);
            map.WriteTo(json);
        }
    }
}

/// <summary>A <c>dynamic</c> column holding an array of objects of string values.</summary>
internal sealed class StringMapArrayColumn<TRow>(Column column, Func<TRow, IReadOnlyList<FieldMap>?> value) : RowColumn<TRow>(column)
{
    public override void Write(RowJsonBuffer json, TRow row)
    {
        if (value(row) is not { } maps)
        {
            return;
        }

        json.WriteStartArray(EncodedName);
        for (var i = 0; i < maps.Count; i++)
        {
            maps[i].WriteTo(json);
        }

        json.WriteEndArray();
    }
}

/// <summary>A <c>dynamic</c> column holding an object of counts.</summary>
internal sealed class CountMapColumn<TRow>(Column column, Func<TRow, IReadOnlyList<KeyValuePair<string, long>>?> value) : RowColumn<TRow>(column)
{
    public override void Write(RowJsonBuffer json, TRow row)
    {
        if (value(row) is not { } counts)
        {
            return;
        }

        json.WriteStartObject(EncodedName);
        for (var i = 0; i < counts.Count; i++)
        {
            json.WritePropertyName(counts[i].Key.AsSpan());
            json.WriteNumberValue(counts[i].Value);
        }

        json.WriteEndObject();
    }
}
