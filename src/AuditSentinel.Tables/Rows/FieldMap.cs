using System.Collections;
using System.Text;
using System.Text.Json;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// An object of string values for a <c>dynamic</c> column (Fields, one PATH record), kept as its JSON text: names and
/// values were escaped once while the map was built, so writing a row copies the object whole. Reads as name/value
/// pairs for callers that want strings. Build one with <see cref="FieldMapBuilder"/>: its JSON and entries are parts of
/// chunks the builder shares between maps and never writes again.
/// </summary>
public sealed class FieldMap : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly byte[] _json;
    private readonly int _jsonStart;
    private readonly int _jsonLength;
    private readonly Entry[] _entries;
    private readonly int _entryStart;

    /// <summary>The map whose JSON object is <paramref name="jsonLength"/> bytes of <paramref name="json"/> from <paramref name="jsonStart"/>, and whose entries (indexes into <paramref name="json"/>) are <paramref name="count"/> of <paramref name="entries"/> from <paramref name="entryStart"/>.</summary>
    internal FieldMap(byte[] json, int jsonStart, int jsonLength, Entry[] entries, int entryStart, int count)
    {
        _json = json;
        _jsonStart = jsonStart;
        _jsonLength = jsonLength;
        _entries = entries;
        _entryStart = entryStart;
        Count = count;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public KeyValuePair<string, string> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var entry = _entries[_entryStart + index];
            return new(Text(entry, entry.NameStart, entry.NameLength), Text(entry, entry.ValueStart, entry.ValueLength));
        }
    }

    /// <summary>The value of <paramref name="name"/> as text, or null when the map has no such name.</summary>
    public string? GetValue(ReadOnlySpan<byte> name) => IndexOf(name) is var i and >= 0 ? Text(_entries[i], _entries[i].ValueStart, _entries[i].ValueLength) : null;

    /// <summary>True when the map holds <paramref name="name"/> with the text of the UTF-8 <paramref name="value"/>.</summary>
    public bool ValueEquals(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => IndexOf(name) is var i and >= 0 && ValueIs(_entries[i], value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the map as a JSON object.</summary>
    internal void WriteTo(RowJsonBuffer json) => json.WriteRawValue(_json.AsSpan(_jsonStart, _jsonLength));

    // The index in _entries of the first entry of name, or -1.
    private int IndexOf(ReadOnlySpan<byte> name)
    {
        string? nameText = null; // decoded once, for the first escaped entry it is compared with
        for (var i = _entryStart; i < _entryStart + Count; i++)
        {
            // A plain name of another length is another name, told without a call (PATH objects are read by name per event).
            var entry = _entries[i];
            if (entry.Plain && entry.NameLength != name.Length)
            {
                continue;
            }

            var written = _json.AsSpan(entry.NameStart, entry.NameLength);
            if (entry.Plain ? written.SequenceEqual(name) : string.Equals(Text(entry, entry.NameStart, entry.NameLength), nameText ??= Encoding.UTF8.GetString(name), StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // True when the entry's value is the text of the UTF-8 value.
    private bool ValueIs(in Entry entry, ReadOnlySpan<byte> value)
    {
        var written = _json.AsSpan(entry.ValueStart, entry.ValueLength);
        return entry.Plain ? written.SequenceEqual(value) : string.Equals(Text(entry, entry.ValueStart, entry.ValueLength), Encoding.UTF8.GetString(value), StringComparison.Ordinal);
    }

    // A plain entry's text is its bytes; any other is read back from its escaped JSON string, quotes included.
    private string Text(in Entry entry, int start, int length)
    {
        if (entry.Plain)
        {
            return Encoding.UTF8.GetString(_json, start, length);
        }

        var reader = new Utf8JsonReader(_json.AsSpan(start - 1, length + 2));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>
    /// Where one property's name and value stand, escaped, in the object's JSON: <c>"name":"value"</c>, so the value
    /// starts 3 bytes after the name ends; <paramref name="Plain"/> when neither needed escaping (their bytes are their text).
    /// </summary>
    internal readonly record struct Entry(int NameStart, int NameLength, int ValueLength, bool Plain)
    {
        /// <summary>Where the value starts: after the name, its closing quote, the colon and the opening quote.</summary>
        internal int ValueStart => NameStart + NameLength + 3;
    }
}
