using System.Collections;
using System.Text;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// An object of string values for a <c>dynamic</c> column (Fields, one PATH record): names and decoded values kept as
/// UTF-8 in one buffer, so a row is written to JSON without a string per field. Reads as name/value pairs for callers
/// that want strings. Build one with <see cref="FieldMapBuilder"/>.
/// </summary>
public sealed class FieldMap : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly byte[] _bytes;
    private readonly Entry[] _entries;

    internal FieldMap(byte[] bytes, Entry[] entries)
    {
        _bytes = bytes;
        _entries = entries;
    }

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <inheritdoc />
    public KeyValuePair<string, string> this[int index]
    {
        get
        {
            var entry = _entries[index];
            return new(Encoding.UTF8.GetString(Key(entry)), Encoding.UTF8.GetString(Value(entry)));
        }
    }

    /// <summary>The value of <paramref name="name"/> as text, or null when the map has no such name.</summary>
    public string? GetValue(ReadOnlySpan<byte> name) => IndexOf(name) is var i and >= 0 ? Encoding.UTF8.GetString(Value(_entries[i])) : null;

    /// <summary>True when the map holds <paramref name="name"/> with exactly the UTF-8 value <paramref name="value"/>.</summary>
    public bool ValueEquals(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => IndexOf(name) is var i and >= 0 && Value(_entries[i]).SequenceEqual(value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the map as a JSON object.</summary>
    internal void WriteTo(RowJsonBuffer json)
    {
        json.WriteStartObject();
        foreach (var entry in _entries)
        {
            if (entry.Plain)
            {
                json.WritePlainStringProperty(Key(entry), Value(entry));
                continue;
            }

            json.WritePropertyName(Key(entry));
            if (entry.ValidUtf8)
            {
                json.WriteStringValue(Value(entry));
            }
            else
            {
                // Invalid UTF-8 (a hex-encoded binary argument) becomes U+FFFD, as when decoded to a string.
                json.WriteStringValue(Encoding.UTF8.GetString(Value(entry)));
            }
        }

        json.WriteEndObject();
    }

    private int IndexOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (Key(_entries[i]).SequenceEqual(name))
            {
                return i;
            }
        }

        return -1;
    }

    private ReadOnlySpan<byte> Key(in Entry entry) => _bytes.AsSpan(entry.KeyStart, entry.KeyLength);

    private ReadOnlySpan<byte> Value(in Entry entry) => _bytes.AsSpan(entry.ValueStart, entry.ValueLength);

    /// <summary>
    /// Where one value and its name stand in the buffer: the name right after the value, as the builder appends them,
    /// so an entry holds one start (16 bytes, not 24, in every map a row keeps until it is written);
    /// <paramref name="Plain"/> when neither needs escaping in JSON.
    /// </summary>
    internal readonly record struct Entry(int ValueStart, int ValueLength, int KeyLength, bool ValidUtf8, bool Plain)
    {
        /// <summary>Where the name starts: right after the value.</summary>
        internal int KeyStart => ValueStart + ValueLength;
    }
}
