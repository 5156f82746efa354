using System.Text;
using System.Text.Unicode;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Collects field names and decoded values into a <see cref="FieldMap"/> in buffers reused from one map to the next,
/// so building a map costs two allocations however many fields it holds. Not thread-safe.
/// </summary>
internal sealed class FieldMapBuilder
{
    // Room for "_" and the digits of any int after a name.
    private const int SuffixRoom = 12;

    private byte[] _bytes = new byte[4096];
    private FieldMap.Entry[] _entries = new FieldMap.Entry[64];

    // Per entry, the first 8 bytes of its name as one number (FieldToken.KeyOf): one compare tells most names apart.
    private ulong[] _keyWords = new ulong[64];
    private int _length;
    private int _count;

    /// <summary>True when nothing was added since <see cref="Clear"/>.</summary>
    internal bool IsEmpty => _count == 0;

    /// <summary>Starts a new map.</summary>
    internal void Clear()
    {
        _length = 0;
        _count = 0;
    }

    /// <summary>Adds the field's name and decoded value; an absent value is left out, a repeated name is kept.</summary>
    /// <param name="record">The record of the field.</param>
    /// <param name="line">The record's bytes (<see cref="AuditRecord.Bytes"/>), read once for all its fields.</param>
    /// <param name="token">The field, one of the record's tokens.</param>
    internal void Add(AuditRecord record, ReadOnlySpan<byte> line, in FieldToken token)
    {
        if (token.Kind == FieldKind.Absent)
        {
            return;
        }

        var value = AppendValue(record, line, token);
        var name = AppendName(record.NameOf(token));
        AddEntry(value, name.Length, name.Plain, FieldToken.KeyOf(_bytes.AsSpan(_length - name.Length, name.Length)));
    }

    /// <summary>
    /// Adds the field unless its value is absent or the map already has the name with the same value; a repeated name
    /// with a new value gets <c>_2</c>, <c>_3</c>, ... (the first free one).
    /// </summary>
    /// <param name="record">The record of the field.</param>
    /// <param name="line">The record's bytes (<see cref="AuditRecord.Bytes"/>), read once for all its fields.</param>
    /// <param name="token">The field, one of the record's tokens.</param>
    internal void AddDistinct(AuditRecord record, ReadOnlySpan<byte> line, in FieldToken token)
    {
        if (token.Kind == FieldKind.Absent)
        {
            return;
        }

        // The value goes first so that the key, and any suffix tried on it, is always at the end of the buffer.
        var value = AppendValue(record, line, token);
        var name = AppendName(record.NameOf(token));
        var keyStart = value.Start + value.Length;
        var keyLength = name.Length;
        for (var suffix = 2; ; suffix++)
        {
            var key = _bytes.AsSpan(keyStart, keyLength);
            var word = FieldToken.KeyOf(key);
            var existing = IndexOf(key, word);
            if (existing < 0)
            {
                _length = keyStart + keyLength;
                AddEntry(value, keyLength, name.Plain, word);
                return;
            }

            if (ValuesEqual(_entries[existing], value))
            {
                _length = value.Start;
                return;
            }

            keyLength = name.Length + AppendSuffix(keyStart + name.Length, suffix);
        }
    }

    /// <summary>The map of what was added.</summary>
    internal FieldMap Build() => new(_bytes.AsSpan(0, _length).ToArray(), _entries.AsSpan(0, _count).ToArray());

    // Plain text (nearly every value) is valid UTF-8 too: one scan answers both, and spares the JSON writer its own.
    private (int Start, int Length, bool ValidUtf8, bool Plain) AppendValue(AuditRecord record, ReadOnlySpan<byte> line, in FieldToken token)
    {
        var raw = line.Slice(token.ValueStart, token.ValueLength);
        var start = _length;

        // A decoded value is never longer than the raw one: hex halves it, every other kind is the raw bytes.
        Reserve(raw.Length);
        var destination = _bytes.AsSpan(start, raw.Length);
        var written = raw.Length;
        if (token.Kind == FieldKind.Hex)
        {
            new AuditField(record, token).TryDecodeBytes(destination, out written);
        }
        else
        {
            raw.CopyTo(destination);
        }

        _length += written;
        var value = destination[..written];
        var plain = RowJsonBuffer.IsPlain(value);
        return (start, written, plain || Utf8.IsValid(value), plain);
    }

    // Names are ASCII as written; any other byte reads as '?', as Encoding.ASCII decodes it. A plain name (printable
    // ASCII, nearly always) is copied as it is.
    private (int Length, bool Plain) AppendName(ReadOnlySpan<byte> name)
    {
        Reserve(name.Length + SuffixRoom);
        var key = _bytes.AsSpan(_length, name.Length);
        name.CopyTo(key);
        _length += name.Length;
        if (RowJsonBuffer.IsPlain(key))
        {
            return (name.Length, true);
        }

        for (var i = 0; i < key.Length; i++)
        {
            key[i] = key[i] < 0x80 ? key[i] : (byte)'?';
        }

        return (name.Length, RowJsonBuffer.IsPlain(key));
    }

    // Writes _suffix at the given place (there is room: see AppendName) and returns its length; "_" and digits are plain.
    private int AppendSuffix(int at, int suffix)
    {
        var destination = _bytes.AsSpan(at);
        destination[0] = (byte)'_';
        suffix.TryFormat(destination[1..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        return 1 + digits;
    }

    // A map holds a few dozen names at most: a plain loop over their words beats a vectorized search's set-up.
    private int IndexOf(ReadOnlySpan<byte> key, ulong word)
    {
        var words = _keyWords.AsSpan(0, _count);
        for (var i = 0; i < words.Length; i++)
        {
            // Names up to 8 bytes are told apart by their word and length alone.
            if (words[i] == word && _entries[i].KeyLength == key.Length
                && (key.Length <= sizeof(ulong) || _bytes.AsSpan(_entries[i].KeyStart, key.Length).SequenceEqual(key)))
            {
                return i;
            }
        }

        return -1;
    }

    private bool ValuesEqual(FieldMap.Entry entry, (int Start, int Length, bool ValidUtf8, bool Plain) value)
    {
        var existing = _bytes.AsSpan(entry.ValueStart, entry.ValueLength);
        var candidate = _bytes.AsSpan(value.Start, value.Length);
        if (existing.SequenceEqual(candidate))
        {
            return true;
        }

        // Different invalid UTF-8 sequences may read as the same text (U+FFFD): compare as the strings would.
        return !(entry.ValidUtf8 && value.ValidUtf8)
            && string.Equals(Encoding.UTF8.GetString(existing), Encoding.UTF8.GetString(candidate), StringComparison.Ordinal);
    }

    // The key stands right after the value (FieldMap.Entry relies on it) and ends the buffer; its word is its KeyOf.
    private void AddEntry((int Start, int Length, bool ValidUtf8, bool Plain) value, int keyLength, bool keyPlain, ulong keyWord)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
            Array.Resize(ref _keyWords, _count * 2);
        }

        _keyWords[_count] = keyWord;
        _entries[_count++] = new FieldMap.Entry(value.Start, value.Length, keyLength, value.ValidUtf8, value.Plain && keyPlain);
    }

    private void Reserve(int more)
    {
        if (_bytes.Length - _length < more)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + more));
        }
    }
}
