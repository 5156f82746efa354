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
    private byte[] _bytes = new byte[4096];
    private FieldMap.Entry[] _entries = new FieldMap.Entry[64];
    private int[] _keyHashes = new int[64];
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
    internal void Add(in AuditField field)
    {
        if (field.Kind == FieldKind.Absent)
        {
            return;
        }

        var value = AppendValue(field);
        var key = AppendKey(field.Name, suffix: 0);
        AddEntry(key, value);
    }

    /// <summary>
    /// Adds the field unless its value is absent or the map already has the name with the same value; a repeated name
    /// with a new value gets <c>_2</c>, <c>_3</c>, ... (the first free one).
    /// </summary>
    internal void AddDistinct(in AuditField field)
    {
        if (field.Kind == FieldKind.Absent)
        {
            return;
        }

        // The value goes first so that a key rewritten with a suffix is always at the end of the buffer.
        var value = AppendValue(field);
        var name = field.Name;
        for (var suffix = 0; ; suffix = suffix == 0 ? 2 : suffix + 1)
        {
            var key = AppendKey(name, suffix);
            var existing = IndexOf(key);
            if (existing < 0)
            {
                AddEntry(key, value);
                return;
            }

            if (ValuesEqual(_entries[existing], value))
            {
                _length = value.Start;
                return;
            }

            _length = key.Start;
        }
    }

    /// <summary>The map of what was added.</summary>
    internal FieldMap Build() => new(_bytes.AsSpan(0, _length).ToArray(), _entries.AsSpan(0, _count).ToArray());

    private static int Hash(ReadOnlySpan<byte> key) => key.IsEmpty ? 0 : key.Length | (key[0] << 8) | (key[^1] << 16);

    // Plain text (nearly every value) is valid UTF-8 too: one scan answers both, and spares the JSON writer its own.
    private (int Start, int Length, bool ValidUtf8, bool Plain) AppendValue(in AuditField field)
    {
        Reserve(field.DecodedLength);
        var start = _length;
        field.TryDecodeBytes(_bytes.AsSpan(start), out var written);
        _length += written;
        var value = _bytes.AsSpan(start, written);
        var plain = RowJsonBuffer.IsPlain(value);
        return (start, written, plain || Utf8.IsValid(value), plain);
    }

    // Names are ASCII as written; any other byte reads as '?', as Encoding.ASCII decodes it.
    private (int Start, int Length) AppendKey(ReadOnlySpan<byte> name, int suffix)
    {
        Reserve(name.Length + 12);
        var start = _length;
        var key = _bytes.AsSpan(start);
        for (var i = 0; i < name.Length; i++)
        {
            key[i] = name[i] < 0x80 ? name[i] : (byte)'?';
        }

        var length = name.Length;
        if (suffix > 0)
        {
            key[length++] = (byte)'_';
            suffix.TryFormat(key[length..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
            length += digits;
        }

        _length += length;
        return (start, length);
    }

    private int IndexOf((int Start, int Length) key)
    {
        var bytes = _bytes.AsSpan(key.Start, key.Length);
        var hash = Hash(bytes);
        for (var i = 0; i < _count; i++)
        {
            if (_keyHashes[i] == hash && _bytes.AsSpan(_entries[i].KeyStart, _entries[i].KeyLength).SequenceEqual(bytes))
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

    private void AddEntry((int Start, int Length) key, (int Start, int Length, bool ValidUtf8, bool Plain) value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
            Array.Resize(ref _keyHashes, _count * 2);
        }

        System.Diagnostics.Debug.Assert(key.Start == value.Start + value.Length, "FieldMap.Entry expects the key right after its value.");
        var keyBytes = _bytes.AsSpan(key.Start, key.Length);
        _keyHashes[_count] = Hash(keyBytes);
        _entries[_count++] = new FieldMap.Entry(value.Start, value.Length, key.Length, value.ValidUtf8, value.Plain && RowJsonBuffer.IsPlain(keyBytes));
    }

    private void Reserve(int more)
    {
        if (_bytes.Length - _length < more)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + more));
        }
    }
}
