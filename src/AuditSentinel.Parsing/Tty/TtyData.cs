using System.Buffers;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Tty;

/// <summary>
/// The keystrokes of TTY (1319, kernel/pam_tty_audit) and USER_TTY (1124, user space) records. The kernel writes TTY
/// data as hex (<c>audit_log_n_hex</c>) and USER_TTY data as an untrusted string: quoted when every byte is printable
/// and neither space nor <c>"</c>, hex otherwise. aureport treats any run of hex digits, either case, as hex.
/// </summary>
public static class TtyData
{
    /// <summary>True for the two keystroke record types.</summary>
    public static bool IsKeystrokeRecord(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TypeNumber is RecordType.Tty or RecordType.UserTty;
    }

    /// <summary>Finds the <c>data=</c> field of a record.</summary>
    public static bool TryGetField(AuditRecord record, out AuditField field)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TryGetField("data"u8, out field);
    }

    /// <summary>How the value is written: hex when it is two or more hex digits (an odd last digit is ignored, as aureport does).</summary>
    public static TtyDataForm GetForm(in AuditField field) => field.Kind switch
    {
        FieldKind.Quoted => TtyDataForm.Quoted,
        FieldKind.Hex => TtyDataForm.Hex,
        FieldKind.Plain when IsHexDigits(field.RawValue) => TtyDataForm.Hex,
        _ => TtyDataForm.Verbatim,
    };

    /// <summary>The number of bytes <see cref="Decode(in AuditField, Span{byte})"/> writes.</summary>
    public static int GetDecodedLength(in AuditField field) => GetForm(field) switch
    {
        TtyDataForm.Hex => field.RawValue.Length / 2,
        _ when field.Kind == FieldKind.Absent => 0,
        _ => field.RawValue.Length,
    };

    /// <summary>The keystroke bytes: hex decoded, quotes removed, other values as written (nothing for <c>(null)</c>).</summary>
    /// <returns>An array of exactly the decoded length; the only allocation.</returns>
    public static byte[] Decode(in AuditField field)
    {
        var bytes = new byte[GetDecodedLength(field)];
        Decode(field, bytes);
        return bytes;
    }

    /// <summary>Writes the keystroke bytes to <paramref name="destination"/>, which holds at least <see cref="GetDecodedLength"/> bytes.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Decode(in AuditField field, Span<byte> destination)
    {
        var length = GetDecodedLength(field);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the data needs {length}.", nameof(destination));
        }

        var raw = field.RawValue;
        if (GetForm(field) == TtyDataForm.Hex)
        {
            FieldValues.TryDecodeHex(raw[..(length * 2)], destination, out _);
        }
        else
        {
            raw[..length].CopyTo(destination);
        }

        return length;
    }

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef"u8);

    private static bool IsHexDigits(ReadOnlySpan<byte> value) => value.Length >= 2 && !value.ContainsAnyExcept(HexDigits);
}
