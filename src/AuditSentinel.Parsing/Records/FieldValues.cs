using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace AuditSentinel.Parsing.Records;

/// <summary>Decoding of field values: the kernel's untrusted-string hex encoding, quotes, absent markers, integers.</summary>
public static class FieldValues
{
    /// <summary>The separator the kernel puts between several keys of one rule (<c>key=</c> hex-decoded).</summary>
    public const char KeySeparator = '\u0001';

    private static readonly SearchValues<byte> UppercaseHexDigits = SearchValues.Create("0123456789ABCDEF"u8);

    /// <summary>True when an unquoted value of this field may be the kernel's hex encoding.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="isExecve">True inside an EXECVE record, whose <c>aN</c> and <c>aN[k]</c> arguments are escaped.</param>
    public static bool MayBeHexEncoded(ReadOnlySpan<byte> name, bool isExecve) => MayBeHexEncoded(name, FieldToken.KeyOf(name), isExecve);

    /// <summary><see cref="MayBeHexEncoded(ReadOnlySpan{byte}, bool)"/> for a name whose key the tokenizer already has.</summary>
    internal static bool MayBeHexEncoded(ReadOnlySpan<byte> name, ulong key, bool isExecve) =>
        (isExecve && IsExecveArgument(name)) || EscapedFieldNames.Contains(name, key);

    /// <summary>True for <c>aN</c> and <c>aN[k]</c> (EXECVE argument names), false for <c>aN_len</c>.</summary>
    public static bool IsExecveArgument(ReadOnlySpan<byte> name)
    {
        if (name.Length < 2 || name[0] != (byte)'a' || !char.IsAsciiDigit((char)name[1]))
        {
            return false;
        }

        var i = 1;
        while (i < name.Length && char.IsAsciiDigit((char)name[i]))
        {
            i++;
        }

        if (i == name.Length)
        {
            return true;
        }

        if (name[i] != (byte)'[' || name[^1] != (byte)']' || i + 2 >= name.Length)
        {
            return false;
        }

        for (var j = i + 1; j < name.Length - 1; j++)
        {
            if (!char.IsAsciiDigit((char)name[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the value is a non-empty, even-length run of uppercase hex digits (the kernel never writes lowercase).</summary>
    public static bool IsUppercaseHex(ReadOnlySpan<byte> value)
    {
        if (value.Length == 0 || (value.Length & 1) != 0)
        {
            return false;
        }

        return !value.ContainsAnyExcept(UppercaseHexDigits);
    }

    /// <summary>True for the markers that mean "no value": <c>(null)</c>, <c>?</c>, <c>(none)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAbsentMarker(ReadOnlySpan<byte> value) =>
        value.Length == 1 ? value[0] == (byte)'?' : value.Length == 6 && (value.SequenceEqual("(null)"u8) || value.SequenceEqual("(none)"u8));

    /// <summary>Decodes uppercase or lowercase hex into <paramref name="destination"/>.</summary>
    public static bool TryDecodeHex(ReadOnlySpan<byte> hex, Span<byte> destination, out int written)
    {
        written = 0;
        if ((hex.Length & 1) != 0 || destination.Length < hex.Length / 2)
        {
            return false;
        }

        // Both cases: the kernel's hex is uppercase, ausearch's and aureport's may not be.
        if (!HexDecoder.TryDecode(hex, destination))
        {
            return false;
        }

        written = hex.Length / 2;
        return true;
    }

    /// <summary>Parses a decimal integer, with an optional leading minus sign.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> value, out long result) =>
        Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    internal static bool TryDecodeBytes(in AuditField field, Span<byte> destination, out int written)
    {
        written = 0;
        var raw = field.RawValue;
        switch (field.Kind)
        {
            case FieldKind.Absent:
                return false;
            case FieldKind.Hex:
                return TryDecodeHex(raw, destination, out written);
            default:
                if (destination.Length < raw.Length)
                {
                    return false;
                }

                raw.CopyTo(destination);
                written = raw.Length;
                return true;
        }
    }

    internal static string? DecodeText(in AuditField field) => DecodeText(field, nulAsSpace: false);

    /// <summary>
    /// The decoded value as UTF-8 text, decoded in a stack or pooled buffer (one string made); null when absent. With
    /// <paramref name="nulAsSpace"/> every NUL byte becomes a space first: an ASCII byte is never part of another UTF-8
    /// sequence, valid or not, so this reads as the text with every U+0000 replaced, without a second string.
    /// </summary>
    internal static string? DecodeText(in AuditField field, bool nulAsSpace)
    {
        if (field.Kind == FieldKind.Absent)
        {
            return null;
        }

        if (field.Kind != FieldKind.Hex && !nulAsSpace)
        {
            return Encoding.UTF8.GetString(field.RawValue);
        }

        var length = field.DecodedLength;
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[length];
            TryDecodeBytes(field, buffer, out var written);
            var text = buffer[..written];
            if (nulAsSpace)
            {
                text.Replace((byte)0, (byte)' ');
            }

            return Encoding.UTF8.GetString(text);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
