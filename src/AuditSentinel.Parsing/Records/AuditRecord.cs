using System.Runtime.CompilerServices;
using System.Text;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// One audit record (one log line): header facts plus its fields as offsets into the line's bytes. Field values
/// are decoded only when asked for.
/// </summary>
public sealed class AuditRecord
{
    // The pieces' arrays and offsets are held apart rather than as ArraySegments: a field's value is read hundreds of
    // thousands of times per megabyte, and building it from these is one range check.
    private readonly byte[] _lineChunk;
    private readonly int _lineStart;
    private readonly int _lineLength;
    private readonly FieldToken[] _tokenChunk;
    private readonly int _tokenStart;
    private readonly ulong[] _keyChunk;
    private readonly int _keyStart;

    internal AuditRecord(ArraySegment<byte> line, in RecordHeader header, ArraySegment<FieldToken> fields, ArraySegment<ulong> nameKeys, long lineNumber)
    {
        _lineChunk = line.Array ?? [];
        _lineStart = line.Offset;
        _lineLength = line.Count;
        _tokenChunk = fields.Array ?? [];
        _tokenStart = fields.Offset;
        _keyChunk = nameKeys.Array ?? [];
        _keyStart = nameKeys.Offset;
        FieldCount = fields.Count;
        Node = header.Node;
        TypeNumber = header.TypeNumber;
        TypeName = header.TypeName;
        Timestamp = header.Timestamp;
        Serial = header.Serial;
        Format = header.Format;
        LineNumber = lineNumber;
    }

    /// <summary>The host name from <c>node=</c>, else from a syslog wrapper, else empty.</summary>
    public string Node { get; }

    /// <summary>The record type number (1300 for SYSCALL); 0 when the log gave an unknown name.</summary>
    public int TypeNumber { get; }

    /// <summary>The record type name as libaudit names it (SYSCALL, PROCTITLE for <c>UNKNOWN[1327]</c>).</summary>
    public string TypeName { get; }

    /// <summary>The event time from <c>audit(...)</c>.</summary>
    public AuditTimestamp Timestamp { get; }

    /// <summary>The event serial number from <c>audit(...)</c>.</summary>
    public ulong Serial { get; }

    /// <summary>The form the line was written in.</summary>
    public RecordFormat Format { get; }

    /// <summary>The 1-based line number in its source.</summary>
    public long LineNumber { get; }

    /// <summary>The whole line as read, without the line terminator.</summary>
    public ReadOnlySpan<byte> Bytes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_lineChunk, _lineStart, _lineLength);
    }

    /// <summary>The whole line as text.</summary>
    public string LineText => Encoding.UTF8.GetString(Bytes);

    /// <summary>The number of fields, ENRICHED ones included.</summary>
    public int FieldCount { get; }

    /// <summary>The field at <paramref name="index"/>, in line order.</summary>
    public AuditField this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)FieldCount, nameof(index));
            return new AuditField(this, _tokenChunk[_tokenStart + index]);
        }
    }

    /// <summary>Finds the first field of this name in the body or the <c>msg='...'</c> payload (not the ENRICHED part).</summary>
    public bool TryGetField(ReadOnlySpan<byte> name, out AuditField field) => TryFind(name, enriched: false, out field);

    /// <summary>Finds an ENRICHED (auditd-interpreted) field such as <c>AUID</c> or <c>SYSCALL</c>.</summary>
    public bool TryGetEnriched(ReadOnlySpan<byte> name, out AuditField field) => TryFind(name, enriched: true, out field);

    /// <summary>The decoded text of a body field, or null when it is missing or absent.</summary>
    public string? GetText(ReadOnlySpan<byte> name) => TryGetField(name, out var field) ? field.Text : null;

    /// <summary>The decoded text of an ENRICHED field, or null.</summary>
    public string? GetEnrichedText(ReadOnlySpan<byte> name) => TryGetEnriched(name, out var field) ? field.Text : null;

    /// <summary>A body field parsed as a decimal integer.</summary>
    public bool TryGetInt64(ReadOnlySpan<byte> name, out long value)
    {
        value = 0;
        return TryGetField(name, out var field) && field.TryGetInt64(out value);
    }

    /// <summary>True when the record has a body field of this name.</summary>
    public bool Has(ReadOnlySpan<byte> name) => TryGetField(name, out _);

    /// <inheritdoc />
    public override string ToString() => LineText;

    /// <summary>
    /// The index of the first field named <paramref name="name"/> at or after <paramref name="start"/>, among the body and
    /// <c>msg='...'</c> fields or, when <paramref name="enriched"/>, among the ENRICHED ones; -1 when there is none.
    /// </summary>
    public int IndexOf(ReadOnlySpan<byte> name, bool enriched = false, int start = 0)
    {
        // One vectorized search over the names' 8-byte keys finds the candidates; the few that match are checked.
        var keys = NameKeys;
        var fields = Tokens;
        var key = FieldToken.KeyOf(name);
        var i = Math.Max(start, 0);
        while (i < keys.Length)
        {
            var found = keys[i..].IndexOf(key);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            ref readonly var token = ref fields[i];
            if (token.NameLength == name.Length && (token.Origin == FieldOrigin.Enriched) == enriched
                && (name.Length <= sizeof(ulong) || NameOf(token).SequenceEqual(name)))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>The bytes this record holds while it is kept: its line, its tokens and its name keys.</summary>
    internal int RetainedBytes => _lineLength + (FieldCount * (Unsafe.SizeOf<FieldToken>() + sizeof(ulong)));

    /// <summary>The field tokens, in line order, for a caller that reads every field's name in one pass.</summary>
    internal ReadOnlySpan<FieldToken> Tokens
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_tokenChunk, _tokenStart, FieldCount);
    }

    /// <summary>The fields' name keys (<see cref="FieldToken.KeyOf"/>), one per token, as the tokenizer computed them.</summary>
    internal ReadOnlySpan<ulong> NameKeys
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_keyChunk, _keyStart, FieldCount);
    }

    /// <summary>The name <paramref name="token"/> points at: in the line, or a synthetic one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> NameOf(scoped in FieldToken token) =>
        token.NameStart >= 0 ? new ReadOnlySpan<byte>(_lineChunk, _lineStart + token.NameStart, token.NameLength) : FieldTokenizer.SyntheticNames[~token.NameStart];

    /// <summary>The value <paramref name="token"/> points at, as written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> ValueOf(scoped in FieldToken token) => new(_lineChunk, _lineStart + token.ValueStart, token.ValueLength);

    private bool TryFind(ReadOnlySpan<byte> name, bool enriched, out AuditField field)
    {
        var index = IndexOf(name, enriched);
        field = index < 0 ? default : new AuditField(this, _tokenChunk[_tokenStart + index]);
        return index >= 0;
    }
}
