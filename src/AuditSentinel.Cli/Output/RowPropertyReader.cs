using System.Text;
using System.Text.Json;
using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Cli.Output;

/// <summary>
/// Reads a few top-level properties of a table's row JSON, reused from row to row: scalars as text (numbers and
/// booleans as written), arrays by length. Rows list their columns in schema order, so the reader stops at the first
/// column past the last one it wants instead of reading the rest of the row (argv, paths, fields). Not thread-safe.
/// </summary>
internal sealed class RowPropertyReader
{
    private readonly byte[][] _columnNames;
    private readonly int[] _slotOfColumn;
    private readonly int _lastWantedColumn;
    private readonly char[][] _text;
    private readonly int[] _textLength;
    private readonly int[] _arrayLength;

    /// <summary>A reader of <paramref name="names"/>, columns of <paramref name="schema"/>; a slot is a name's index.</summary>
    internal RowPropertyReader(TableSchema schema, IReadOnlyList<string> names)
    {
        _columnNames = [.. schema.Columns.Select(c => Encoding.UTF8.GetBytes(c.Name))];
        _slotOfColumn = [.. schema.Columns.Select(c => IndexOf(names, c.Name))];
        if (names.FirstOrDefault(n => !schema.Columns.Any(c => c.Name == n)) is { } unknown)
        {
            throw new ArgumentException($"{schema.Name} has no column {unknown}.", nameof(names));
        }

        _lastWantedColumn = Array.FindLastIndex(_slotOfColumn, slot => slot >= 0);
        _text = [.. names.Select(_ => new char[64])];
        _textLength = new int[names.Count];
        _arrayLength = new int[names.Count];
    }

    /// <summary>Reads the properties of one row; the previous row's values are forgotten.</summary>
    internal void Read(ReadOnlySpan<byte> rowJson)
    {
        Array.Fill(_textLength, -1);
        Array.Clear(_arrayLength);
        var reader = new Utf8JsonReader(rowJson);
        reader.Read();
        var column = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = ColumnOf(ref reader, column);
            reader.Read();
            if (at < 0)
            {
                reader.Skip();
                continue;
            }

            column = at;
            if (column > _lastWantedColumn)
            {
                return;
            }

            if (_slotOfColumn[column] is var slot and >= 0)
            {
                Keep(ref reader, slot);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>The text of a scalar property of the last row read; empty and false when the row has none.</summary>
    internal bool TryGetText(int slot, out ReadOnlySpan<char> text)
    {
        text = _textLength[slot] >= 0 ? _text[slot].AsSpan(0, _textLength[slot]) : default;
        return _textLength[slot] >= 0;
    }

    /// <summary>True when the last row read has the scalar property with exactly this text.</summary>
    internal bool TextEquals(int slot, string expected) => TryGetText(slot, out var text) && text.SequenceEqual(expected);

    /// <summary>The number of items of an array property of the last row read (0 when absent).</summary>
    internal int ArrayLength(int slot) => _arrayLength[slot];

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    // The schema column the reader's property name is, searched from the previous one on (columns come in order).
    private int ColumnOf(ref Utf8JsonReader reader, int from)
    {
        for (var i = from; i < _columnNames.Length; i++)
        {
            if (reader.ValueTextEquals(_columnNames[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private void Keep(ref Utf8JsonReader reader, int slot)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                if (_text[slot].Length < length)
                {
                    _text[slot] = new char[length];
                }

                _textLength[slot] = reader.CopyString(_text[slot]);
                break;
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                var raw = reader.ValueSpan;
                if (_text[slot].Length < raw.Length)
                {
                    _text[slot] = new char[raw.Length];
                }

                _textLength[slot] = Encoding.ASCII.GetChars(raw, _text[slot]);
                break;
            case JsonTokenType.StartArray:
                _arrayLength[slot] = CountItems(ref reader);
                break;
            default:
                reader.Skip();
                break;
        }
    }

    private static int CountItems(ref Utf8JsonReader reader)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            reader.Skip();
        }

        return count;
    }
}
