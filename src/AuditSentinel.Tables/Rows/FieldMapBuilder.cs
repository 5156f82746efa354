using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Collects field names and decoded values into a <see cref="FieldMap"/> as the JSON object it is written as: each
/// field is escaped once, as it is added, straight into chunks shared by the maps built one after the other (a map's
/// JSON and its entries), so a map is a view of what was written, building it copies nothing, and writing it is one
/// copy. A chunk is never written again where a built map lies. Not thread-safe.
/// </summary>
internal sealed class FieldMapBuilder
{
    // Room for "_" and the digits of any int after a name.
    private const int SuffixRoom = 12;

    // ,"name":"value": the comma, four quotes and the colon.
    private const int Punctuation = 6;

    // How far a short copy of a plain name or value may write: two vectors.
    private const int OverCopy = 2 * 16;

    // "\":\"" and a byte after, as one little-endian word.
    private const uint NameValueQuotes = '"' | (':' << 8) | ('"' << 16);

    // Past this many entries the filter of name words is saturated and the drop-repeats walk would grow with the cube
    // of a name's repeats, so names are found by hash instead (RepeatedNameChains); most maps stay below it.
    private const int ChainsFrom = 64;

    // Direct-mapped slots of name prefixes: a real log has a few dozen names.
    private const int PrefixSlotBits = 8;

    // 16 KiB of JSON (about 40 maps of a real log) and of entries per chunk: a chunk lives as long as a map in it.
    private const int JsonChunk = 16 * 1024;
    private const int EntryChunk = 1024;

    private byte[] _json = NewChunk<byte>(JsonChunk);
    private FieldMap.Entry[] _entries = NewChunk<FieldMap.Entry>(EntryChunk);
    private byte[] _padded = new byte[1024];

    // Where the map being built starts: its '{' in _json, its first entry in _entries. Built maps lie before.
    private int _jsonStart;
    private int _entryStart;

    private RepeatedNameChains? _chains;

    // The prefixes of names of up to 8 bytes (a key and a length say such a name exactly) copied plain before, by key:
    // a name seen again is written as one vector instead of being copied, checked and punctuated.
    private readonly NamePrefix[] _prefixes = new NamePrefix[1 << PrefixSlotBits];

    // Per entry, the first 8 bytes of its escaped name as one number (FieldToken.KeyOf): one compare tells most names apart.
    private ulong[] _keyWords = new ulong[64];

    // One bit per name word added (of 64, picked by a multiplicative hash): a name whose bit is clear is new, which is
    // the answer for nearly every field, without a walk over the names.
    private ulong _wordBits;
    private int _length;
    private int _count;

    /// <summary>Starts with an empty map.</summary>
    internal FieldMapBuilder()
    {
        _prefixes.AsSpan().Fill(new NamePrefix(0, -1, default));
        Clear();
    }

    /// <summary>True when nothing was added since <see cref="Clear"/>.</summary>
    internal bool IsEmpty => _count == 0;

    /// <summary>Starts a new map, dropping what was added since the last <see cref="Build"/>.</summary>
    internal void Clear()
    {
        _length = _jsonStart;
        _count = 0;
        _wordBits = 0;
        _chains?.Clear();

        // The brace, and the one that closes an empty map.
        Reserve(2);
        _json[_length++] = (byte)'{';
    }

    /// <summary>Adds the name and decoded value of every field of <paramref name="record"/>; an absent value is left out, a repeated name is kept.</summary>
    internal void AddAll(AuditRecord record) => AddFields(record, default, distinct: false);

    /// <summary>
    /// Adds the fields of <paramref name="record"/> whose bit in <paramref name="skipped"/> is clear, unless the value
    /// is absent or the map already has the name with the same value; a repeated name with a new value gets <c>_2</c>,
    /// <c>_3</c>, ... (the first free one).
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="skipped">One bit per field (bit f % 64 of word f / 64), set for a field to leave out; missing words skip nothing.</param>
    internal void AddDistinct(AuditRecord record, ReadOnlySpan<ulong> skipped) => AddFields(record, skipped, distinct: true);

    private void AddFields(AuditRecord record, ReadOnlySpan<ulong> skipped, bool distinct)
    {
        var tokens = record.Tokens;

        // Most records have one word of bits (up to 64 fields): read inline.
        if (tokens.Length <= 64 ? Added(0, tokens.Length, skipped) == 0 : !AnyAdded(tokens.Length, skipped))
        {
            return;
        }

        var line = record.Bytes;
        ReserveEntries(tokens.Length);

        // Room for every field copied from the line with its punctuation and a suffix, so a copied property needs no check.
        var copyRoom = line.Length + (tokens.Length * (Punctuation + SuffixRoom)) + OverCopy;
        Reserve(copyRoom);

        // Names and values are copied from the line followed by OverCopy bytes of room, so a short one is one or two
        // whole vectors wherever it stands.
        Pad(line);
        AddCopiedFields(record, skipped, distinct, copyRoom);
    }

    // The fields of a record, where room for all of them is reserved: a name and its value copied as they are from the
    // padded line, a short one as one or two 16-byte copies (the bytes a copy writes past its end are overwritten by
    // what follows, or lie past the map's end), and checked for bytes JSON escapes in the vectors the copy moves. The
    // map's length, count and filter of words are in locals, stored for the rare calls that read or change them. A
    // property with a byte to escape is written again by the general path, as are a hex value and a synthetic name
    // (not in the line). A name seen before is written from its prefix.
    // The buffers are read and written through references without bounds checks (they were about a third of the
    // loop's instructions). The bounds they rely on: a field index comes from the bits of fields the record has, and
    // the record has a key per field; the padded line has OverCopy bytes after the line (Pad), so a copy of up to
    // OverCopy bytes from any name or value stays in it; the JSON has copyRoom bytes from the map's length (Reserve, here
    // and after each general-path property), which holds every field's name, value and punctuation and a suffix, and
    // OverCopy bytes over the last (a prefix's vector ends before its value's copy does); a synthetic name written from
    // its prefix is not in the line but at most 8 bytes, which its field's Punctuation + SuffixRoom holds with a suffix
    // of 4 (a longer one: seperms has its braces in the line, old-auid and old-ses the words "old" and "auid="/"ses=",
    // and seresult, whose value is the word, has two values and so at most two fields a map, which the header covers);
    // the entries and words have a slot per field (ReserveEntries); a prefix slot is the top PrefixSlotBits of a hash.
    private void AddCopiedFields(AuditRecord record, ReadOnlySpan<ulong> skipped, bool distinct, int copyRoom)
    {
        var fields = record.Tokens.Length;
        ref var tokens = ref MemoryMarshal.GetReference(record.Tokens);
        ref var keys = ref MemoryMarshal.GetReference(record.NameKeys);
        ref var padded = ref MemoryMarshal.GetArrayDataReference(_padded);
        ref var json = ref MemoryMarshal.GetArrayDataReference(_json);
        ref var entries = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), _entryStart);
        ref var keyWords = ref MemoryMarshal.GetArrayDataReference(_keyWords);
        var (length, count, wordBits) = (_length, _count, _wordBits);
        for (var w = 0; w * 64 < fields; w++)
        {
            for (var added = Added(w, fields, skipped); added != 0; added &= added - 1)
            {
                var f = (w * 64) + BitOperations.TrailingZeroCount(added);
                ref readonly var token = ref Unsafe.Add(ref tokens, f);
                if (token.Kind == FieldKind.Absent)
                {
                    continue;
                }

                // A name seen plain before is written as its prefix; any other copied from the line (and its prefix
                // kept when the name fits a key). A hex value, a value or name to escape, and a synthetic name not seen
                // before go to the general path.
                var word = Unsafe.Add(ref keys, f);
                ref var prefix = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_prefixes), PrefixSlot(word));
                int nameAt;
                bool copied;
                if (token.Kind == FieldKind.Hex)
                {
                    (nameAt, copied) = (0, false);
                }
                else if (prefix.Word == word && prefix.NameLength == token.NameLength)
                {
                    nameAt = WritePrefix(prefix.Text, ref json, length, count);
                    copied = CopyValue(ref padded, token, ref json, nameAt + token.NameLength + 3) == 0;
                }
                else
                {
                    // Without a branch: the opening quote lands on the comma when no comma is due.
                    nameAt = length + (count > 0 ? 2 : 1);
                    copied = token.NameStart >= 0 && CopyProperty(ref padded, token, ref json, length, nameAt);
                    if (copied && (uint)(token.NameLength - 1) < sizeof(ulong))
                    {
                        prefix = new NamePrefix(word, token.NameLength, Vector128.LoadUnsafe(ref json, (nuint)(nameAt - 2)).WithElement(0, (byte)','));
                    }
                }

                if (!copied)
                {
                    (_length, _count, _wordBits) = (length, count, wordBits);
                    AddProperty(record, token, distinct, copyRoom);
                    (length, count, wordBits) = (_length, _count, _wordBits);
                    json = ref MemoryMarshal.GetArrayDataReference(_json);
                    entries = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), _entryStart);
                    keyWords = ref MemoryMarshal.GetArrayDataReference(_keyWords);
                    continue;
                }

                // Names written as they are: their words are the ones the tokenizer computed. Most are new to the map,
                // which the filter of words says; the rest are compared with the map's names (no room is taken).
                var entry = new FieldMap.Entry(nameAt, token.NameLength, token.ValueLength, Plain: true);
                var end = entry.ValueStart + token.ValueLength + 1;
                var bit = WordBit(word);
                if (distinct && (wordBits & bit) != 0)
                {
                    (_length, _count, _wordBits) = (length, count, wordBits);
                    AddIfDistinct(entry, end, word);
                    (length, count, wordBits) = (_length, _count, _wordBits);
                    continue;
                }

                Unsafe.Add(ref keyWords, count) = word;
                wordBits |= bit;
                Unsafe.Add(ref entries, count++) = entry;
                length = end;
            }
        }

        (_length, _count, _wordBits) = (length, count, wordBits);
    }

    // A field the copy does not cover, written by AppendProperty (escaped where needed) and added, the room for copied
    // fields reserved again after it.
    private void AddProperty(AuditRecord record, in FieldToken token, bool distinct, int copyRoom)
    {
        var (entry, end) = AppendProperty(record, record.Bytes, token);
        Add(entry, end, FieldToken.KeyOf(_json.AsSpan(entry.NameStart, entry.NameLength)), distinct);
        Reserve(copyRoom);
    }

    // Adds the property just written, unless distinct and its name is not new: most names are, which the filter of
    // words says without a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(FieldMap.Entry entry, int end, ulong word, bool distinct)
    {
        if (distinct && (_wordBits & WordBit(word)) != 0)
        {
            AddIfDistinct(entry, end, word);
        }
        else
        {
            AddEntry(entry, end, word);
        }
    }

    private static bool AnyAdded(int fields, ReadOnlySpan<ulong> skipped)
    {
        for (var w = 0; w * 64 < fields; w++)
        {
            if (Added(w, fields, skipped) != 0)
            {
                return true;
            }
        }

        return false;
    }

    // The bits of word w's fields that are not skipped.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Added(int w, int fields, ReadOnlySpan<ulong> skipped)
    {
        var added = w < skipped.Length ? ~skipped[w] : ulong.MaxValue;
        var left = fields - (w * 64);
        return left >= 64 ? added : added & ((1UL << left) - 1);
    }

    // Keeps the property just written if its name is new; names and values are compared escaped, as escaping gives
    // equal text equal bytes and different text different bytes.
    private void AddIfDistinct(FieldMap.Entry entry, int end, ulong word)
    {
        if (_count >= ChainsFrom)
        {
            AddIfDistinctByChains(entry, end);
            return;
        }

        var nameLength = entry.NameLength;
        for (var suffix = 2; ; suffix++)
        {
            var key = _json.AsSpan(entry.NameStart, entry.NameLength);
            var existing = IndexOf(key, word);
            if (existing < 0)
            {
                AddEntry(entry, end, word);
                return;
            }

            var held = _entries[_entryStart + existing];
            var value = _json.AsSpan(entry.ValueStart, entry.ValueLength);
            if (value.SequenceEqual(_json.AsSpan(held.ValueStart, held.ValueLength)))
            {
                return;
            }

            (entry, end) = WithSuffix(entry, end, nameLength, suffix);
            word = FieldToken.KeyOf(_json.AsSpan(entry.NameStart, entry.NameLength));
        }
    }

    // The same rule for a map past ChainsFrom entries, where walking every entry for every suffix would not scale.
    private void AddIfDistinctByChains(FieldMap.Entry entry, int end)
    {
        _chains ??= new RepeatedNameChains();
        var suffix = _chains.Place(_json.AsSpan(0, _length), _entries.AsSpan(_entryStart, _count),
            _json.AsSpan(entry.NameStart, entry.NameLength), _json.AsSpan(entry.ValueStart, entry.ValueLength));
        if (suffix == 0)
        {
            return;
        }

        if (suffix > 1)
        {
            (entry, end) = WithSuffix(entry, end, entry.NameLength, suffix);
        }

        AddEntry(entry, end, FieldToken.KeyOf(_json.AsSpan(entry.NameStart, entry.NameLength)));
    }

    /// <summary>The map of what was added; the builder starts a new one.</summary>
    internal FieldMap Build()
    {
        Reserve(1);
        _json[_length++] = (byte)'}';
        var map = new FieldMap(_json, _jsonStart, _length - _jsonStart, _entries, _entryStart, _count);
        _jsonStart = _length;
        _entryStart += _count;
        Clear();
        return map;
    }

    // Writes ,"name":"value" at length (the name at nameAt: no comma before the first property) with the name and value
    // copied from the padded line; false when either needs escaping (the caller then writes the property again). The
    // bounds are the caller's (AddCopiedFields).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CopyProperty(ref byte padded, in FieldToken token, ref byte json, int length, int nameAt)
    {
        Unsafe.Add(ref json, length) = (byte)',';
        Unsafe.Add(ref json, nameAt - 1) = (byte)'"';
        var escapedInName = CopyText(ref Unsafe.Add(ref padded, token.NameStart), ref Unsafe.Add(ref json, nameAt), token.NameLength);
        var valueAt = nameAt + token.NameLength + 3;

        // The name's closing quote, the colon, the value's opening quote and a byte the value or its closing quote overwrites.
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref json, valueAt - 3), BitConverter.IsLittleEndian ? NameValueQuotes : BinaryPrimitives.ReverseEndianness(NameValueQuotes));
        return (escapedInName | CopyValue(ref padded, token, ref json, valueAt)) == 0;
    }

    // Writes a name's prefix (,"name":") at length, or ("name":") after the brace of an empty map, and returns where
    // the name starts. The vector's bytes past the prefix are overwritten by the value, which follows.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WritePrefix(Vector128<byte> prefix, ref byte json, int length, int count)
    {
        // Without a branch: in an empty map the comma lands on the brace, which is written again.
        var at = count > 0 ? length : length - 1;
        prefix.StoreUnsafe(ref json, (nuint)at);
        Unsafe.Add(ref json, at) = count > 0 ? (byte)',' : (byte)'{';
        return at + 2;
    }

    // Copies the field's value and its closing quote to valueAt, and returns the bytes in it JSON escapes (CopyText).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CopyValue(ref byte padded, in FieldToken token, ref byte json, int valueAt)
    {
        var escaped = CopyText(ref Unsafe.Add(ref padded, token.ValueStart), ref Unsafe.Add(ref json, valueAt), token.ValueLength);
        Unsafe.Add(ref json, valueAt + token.ValueLength) = (byte)'"';
        return escaped;
    }

    // Copies length bytes from source to destination (both with room for OverCopy bytes more) and returns the bytes
    // among them JSON escapes (one bit each; any set bit for a long text), found in the vectors the copy moves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CopyText(ref byte source, ref byte destination, int length)
    {
        const int Lanes = 16;
        if (length <= Lanes)
        {
            var bytes = Vector128.LoadUnsafe(ref source);
            bytes.StoreUnsafe(ref destination);
            return PlainJsonText.Special(bytes).ExtractMostSignificantBits() & LowBits(length);
        }

        if (length <= OverCopy)
        {
            var first = Vector128.LoadUnsafe(ref source);
            var second = Vector128.LoadUnsafe(ref source, Lanes);
            first.StoreUnsafe(ref destination);
            second.StoreUnsafe(ref destination, Lanes);
            var escaped = PlainJsonText.Special(first).ExtractMostSignificantBits() | ((ulong)PlainJsonText.Special(second).ExtractMostSignificantBits() << Lanes);
            return escaped & LowBits(length);
        }

        var text = MemoryMarshal.CreateReadOnlySpan(ref source, length);
        text.CopyTo(MemoryMarshal.CreateSpan(ref destination, length));
        return PlainJsonText.IsPlain(text) ? 0UL : 1UL;
    }

    // The low count bits (count up to 32).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LowBits(int count) => (1UL << count) - 1;

    // The line copied to _padded, followed by at least OverCopy bytes (whatever they hold); the buffer is reused from
    // record to record.
    private void Pad(ReadOnlySpan<byte> line)
    {
        if (_padded.Length < line.Length + OverCopy)
        {
            _padded = new byte[Math.Max(_padded.Length * 2, line.Length + OverCopy)];
        }

        line.CopyTo(_padded);
    }

    // Writes ,"name":"value" after the last property (no comma before the first) without adding it yet: its entry and
    // where it ends. Plain text (nearly every name and value) is written as it is; anything else is escaped by the
    // row writer itself, so a map writes exactly what the row writer would.
    private (FieldMap.Entry Entry, int End) AppendProperty(AuditRecord record, ReadOnlySpan<byte> line, in FieldToken token)
    {
        var name = record.NameOf(token);
        var raw = line.Slice(token.ValueStart, token.ValueLength);

        // A decoded value is never longer than the raw one: hex halves it, every other kind is the raw bytes.
        Reserve(name.Length + raw.Length + Punctuation + SuffixRoom + 1);
        var start = _length;
        var property = _json.AsSpan(start);

        // Without a branch: the opening quote lands on the comma when no comma is due.
        var at = _count > 0 ? 1 : 0;
        property[0] = (byte)',';
        property[at++] = (byte)'"';
        var nameAt = at;
        ShortCopy.Copy(name, property[at..]);
        at += name.Length;
        "\":\""u8.CopyTo(property[at..]);
        at += 3;
        var valueAt = at;
        var written = raw.Length;
        if (token.Kind == FieldKind.Hex)
        {
            new AuditField(record, token).TryDecodeBytes(property[at..], out written);
        }
        else
        {
            ShortCopy.Copy(raw, property[at..]);
        }

        at += written;
        property[at++] = (byte)'"';
        var nameBytes = property.Slice(nameAt, name.Length);
        var value = property.Slice(valueAt, written);
        // Not &&: IsPlainName also turns a non-ASCII name into '?', which the escaped path needs as much as the plain one.
        if (IsPlainName(nameBytes) & PlainJsonText.IsPlain(value))
        {
            return (new FieldMap.Entry(start + nameAt, name.Length, written, Plain: true), start + at);
        }

        return AppendEscaped(start, nameBytes, value);
    }

    // Names are ASCII as written; any other byte reads as '?', as Encoding.ASCII decodes it.
    private static bool IsPlainName(Span<byte> name)
    {
        if (PlainJsonText.IsPlain(name))
        {
            return true;
        }

        for (var i = 0; i < name.Length; i++)
        {
            name[i] = name[i] < 0x80 ? name[i] : (byte)'?';
        }

        return PlainJsonText.IsPlain(name);
    }

    // The rare property with something to escape, written again at start as the row writer escapes it; invalid UTF-8
    // (a hex-encoded binary argument) becomes U+FFFD, as when decoded to a string.
    private (FieldMap.Entry Entry, int End) AppendEscaped(int start, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        using var escaper = new RowJsonBuffer();
        escaper.WriteStartObject();
        escaper.WritePropertyName(name);
        var nameEnd = escaper.Written.Length;
        if (Utf8.IsValid(value))
        {
            escaper.WriteStringValue(value);
        }
        else
        {
            escaper.WriteStringValue(Encoding.UTF8.GetString(value));
        }

        // {"name":"value" as the escaper wrote it: the property is what follows the brace.
        var property = escaper.Written[1..];
        var comma = _count > 0 ? 1 : 0;
        _length = start;
        Reserve(comma + property.Length + SuffixRoom + 1);

        // Where the property goes again, in case the map moved to a new chunk.
        start = _length;
        if (comma > 0)
        {
            _json[start] = (byte)',';
        }

        property.CopyTo(_json.AsSpan(start + comma));
        var nameLength = nameEnd - 4; // {"name": less the brace, the quotes and the colon
        var valueLength = property.Length - nameLength - 5; // "name":"value" less the quotes and the colon
        return (new FieldMap.Entry(start + comma + 1, nameLength, valueLength, Plain: false), start + comma + property.Length);
    }

    // The property with _suffix after its name (in place of any suffix tried before); "_" and digits are plain, so the
    // escaped name with the suffix is the escaped suffixed name. There is room: see AppendProperty.
    private (FieldMap.Entry Entry, int End) WithSuffix(FieldMap.Entry entry, int end, int nameLength, int suffix)
    {
        Span<byte> text = stackalloc byte[SuffixRoom];
        text[0] = (byte)'_';
        suffix.TryFormat(text[1..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        text = text[..(1 + digits)];

        var afterName = entry.NameStart + entry.NameLength;
        var suffixed = entry with { NameLength = nameLength + text.Length };
        var movedBy = suffixed.NameLength - entry.NameLength;
        _json.AsSpan(afterName, end - afterName).CopyTo(_json.AsSpan(afterName + movedBy));
        text.CopyTo(_json.AsSpan(entry.NameStart + nameLength));
        return (suffixed, end + movedBy);
    }

    // A map holds a few dozen names at most: a plain loop over their words beats a vectorized search's set-up.
    private int IndexOf(ReadOnlySpan<byte> key, ulong word)
    {
        if ((_wordBits & WordBit(word)) == 0)
        {
            return -1;
        }

        var words = _keyWords.AsSpan(0, _count);
        for (var i = 0; i < words.Length; i++)
        {
            // Names up to 8 bytes are told apart by their word and length alone.
            if (words[i] == word && _entries[_entryStart + i].NameLength == key.Length
                && (key.Length <= sizeof(ulong) || _json.AsSpan(_entries[_entryStart + i].NameStart, key.Length).SequenceEqual(key)))
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddEntry(FieldMap.Entry entry, int end, ulong keyWord)
    {
        _keyWords[_count] = keyWord;
        _wordBits |= WordBit(keyWord);
        _entries[_entryStart + _count++] = entry;
        _length = end;
    }

    // Room for more entries: every field of a record at most. The map's entries so far move to a new chunk when the
    // rest of this one is too small.
    private void ReserveEntries(int more)
    {
        if (_entries.Length - _entryStart - _count < more)
        {
            var chunk = NewChunk<FieldMap.Entry>(Math.Max(EntryChunk, (_count + more) * 2));
            _entries.AsSpan(_entryStart, _count).CopyTo(chunk);
            _entries = chunk;
            _entryStart = 0;
        }

        if (_keyWords.Length - _count < more)
        {
            Array.Resize(ref _keyWords, Math.Max(_keyWords.Length * 2, _count + more));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PrefixSlot(ulong word) => FibonacciHash.TopBits(word, PrefixSlotBits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong WordBit(ulong word) => 1UL << FibonacciHash.TopBits(word, 6);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve(int more)
    {
        if (_json.Length - _length < more)
        {
            Grow(more);
        }
    }

    // The map so far moves to the start of a new chunk (its entries' offsets with it); the maps built before stay where they are.
    private void Grow(int more)
    {
        var written = _length - _jsonStart;
        var chunk = NewChunk<byte>(Math.Max(JsonChunk, (written + more) * 2));
        _json.AsSpan(_jsonStart, written).CopyTo(chunk);
        foreach (ref var entry in _entries.AsSpan(_entryStart, _count))
        {
            entry = entry with { NameStart = entry.NameStart - _jsonStart };
        }

        _json = chunk;
        _length = written;
        _jsonStart = 0;
    }

    // Not cleared: a map reads only what it wrote.
    private static T[] NewChunk<T>(int length) => GC.AllocateUninitializedArray<T>(length);

    // ,"name":" of a name of up to 8 bytes, its key and its length (-1 in an empty slot: no name has it).
    private readonly record struct NamePrefix(ulong Word, int NameLength, Vector128<byte> Text);
}
