using System.Runtime.CompilerServices;
using System.Text;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// One field of a record: a view over the record's bytes, so reading a record allocates nothing until a value is
/// asked for as a string.
/// </summary>
public readonly struct AuditField
{
    private readonly AuditRecord _record;
    private readonly FieldToken _token;

    internal AuditField(AuditRecord record, FieldToken token)
    {
        _record = record;
        _token = token;
    }

    /// <summary>The field name as written (ASCII).</summary>
    public ReadOnlySpan<byte> Name
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _record.NameOf(_token);
    }

    /// <summary>The value as written, without surrounding quotes or braces; hex stays hex.</summary>
    public ReadOnlySpan<byte> RawValue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _record.ValueOf(_token);
    }

    /// <summary>How the value was written.</summary>
    public FieldKind Kind => _token.Kind;

    /// <summary>Where the field stands in the record.</summary>
    public FieldOrigin Origin => _token.Origin;

    /// <summary>The field name as a string.</summary>
    public string NameText => Encoding.ASCII.GetString(Name);

    /// <summary>The raw value as a string (hex stays hex, <c>(null)</c> stays <c>(null)</c>).</summary>
    public string RawText => Encoding.UTF8.GetString(RawValue);

    /// <summary>True when the name equals <paramref name="name"/> (ordinal, ASCII).</summary>
    public bool NameEquals(ReadOnlySpan<byte> name) => Name.SequenceEqual(name);

    /// <summary>
    /// The value decoded: hex to bytes then UTF-8 text, quotes removed; null for absent values. Invalid UTF-8 becomes
    /// U+FFFD. Use <see cref="TryDecodeBytes"/> for the exact bytes.
    /// </summary>
    public string? Text => FieldValues.DecodeText(this);

    /// <summary>Writes the decoded bytes of the value (hex decoded, quotes removed) to <paramref name="destination"/>.</summary>
    /// <returns>False when the value is absent or <paramref name="destination"/> is too small.</returns>
    public bool TryDecodeBytes(Span<byte> destination, out int written) => FieldValues.TryDecodeBytes(this, destination, out written);

    /// <summary>The number of bytes <see cref="TryDecodeBytes"/> needs.</summary>
    public int DecodedLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Kind == FieldKind.Hex ? _token.ValueLength / 2 : Kind == FieldKind.Absent ? 0 : _token.ValueLength;
    }

    /// <summary>Parses a decimal integer value (negative allowed).</summary>
    public bool TryGetInt64(out long value) => FieldValues.TryParseInt64(RawValue, out value);

    /// <inheritdoc />
    public override string ToString() => $"{NameText}={RawText}";
}
