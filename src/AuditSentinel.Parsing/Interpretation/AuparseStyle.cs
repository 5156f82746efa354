using System.Globalization;
using System.Text;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// Renders field values the way <c>ausearch -i</c> (auparse 3.0.9, default TTY escaping) prints them, for the fields
/// the project interprets: arch, syscall, success, exit, ids and sessions, escaped strings (exe, comm, cwd, name, key,
/// EXECVE arguments...), proctitle, saddr, and a0-a3 as <c>0x..</c>. For the differential tests and human-facing
/// renderings (timeline); it allocates per field, so keep it off per-line paths.
/// </summary>
public static class AuparseStyle
{
    /// <summary>
    /// The value of <paramref name="field"/> (a field of <paramref name="record"/>) as <c>ausearch -i</c> prints it, or
    /// null when this renderer does not interpret the field or the reference's text depends on the machine it runs on
    /// (user and group names of a RAW log come from that machine's passwd; use the numbers). In an ENRICHED record
    /// auditd's own interpretation of the field (<c>ARCH=</c>, <c>AUID=</c>, <c>SADDR=</c>) is what auparse prints, so it wins.
    /// </summary>
    public static string? Render(AuditRecord record, in AuditField field)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (field.Origin == FieldOrigin.Enriched || record.Format == RecordFormat.Interpreted)
        {
            return null;
        }

        var name = field.NameText;
        if (name == "data" && record.TypeNumber is RecordType.Tty or RecordType.UserTty)
        {
            // Keystrokes: auparse renders them as aureport --tty does, which the TTY renderer owns.
            return null;
        }

        // In an ENRICHED log auparse prints auditd's own interpretation (ARCH=, AUID=, SADDR=...) where the record has one.
        if (record.Format == RecordFormat.Enriched && record.TryGetEnriched(Encoding.ASCII.GetBytes(name.ToUpperInvariant()), out var enriched))
        {
            return enriched.Kind == FieldKind.Braced ? $"{{ {enriched.Text} }}" : enriched.Text;
        }

        if (field.Kind == FieldKind.Absent && name != "saddr")
        {
            // auparse reads an id of "?" as 0 and prints uid 0's name from the machine it runs on; that is no reading
            // of the log, so it is not rendered.
            return IsIdName(name) ? null : field.RawText;
        }

        return name switch
        {
            "arch" => Architectures.AuparseName(field.RawText),
            "syscall" => SyscallText(record, field),
            "success" => field.RawText,
            "exit" => field.TryGetInt64(out var exit) ? ErrorNumbers.AuparseText(exit) : null,
            "a0" or "a1" or "a2" or "a3" when record.TypeNumber == RecordType.Syscall => "0x" + field.RawText,
            "ses" => field.TryGetInt64(out var session) && AuditIds.IsUnset(session) ? AuditIds.UnsetName : field.RawText,
            "proctitle" => field.Kind == FieldKind.Quoted ? field.RawText : TtyEscape(ProcTitle.DisplayText(field) ?? string.Empty),
            "saddr" => SocketAddressDecoder.TryDecode(field, out var address) ? address.AuparseText : $"malformed-host({field.RawText})",
            "key" => KeyText(field),
            _ when IsIdName(name) => IdText(field),
            _ when FieldValues.MayBeHexEncoded(field.Name, record.TypeNumber == RecordType.Execve) => EscapedText(field),
            _ => null,
        };
    }

    private static string SyscallText(AuditRecord record, in AuditField field)
    {
        if (!field.TryGetInt64(out var number))
        {
            return field.RawText;
        }

        var name = Syscalls.Name(record.GetText("arch"u8), number);
        if (name is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"unknown-syscall({number})");
        }

        var a0 = record.GetText("a0"u8);
        if (a0 is not null && (name == "socketcall" || name == "ipc")
            && long.TryParse(a0, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var call))
        {
            var sub = name == "socketcall" ? SocketCalls.SocketCallName(call) : SocketCalls.IpcCallName(call);
            return sub is null ? name : $"{name}({sub})";
        }

        return name;
    }

    // The kernel joins several keys of one rule with 0x01; ausearch prints each as its own key= field.
    private static string KeyText(in AuditField field) =>
        EscapedText(field).Replace("\\001", " key=", StringComparison.Ordinal);

    private static string? IdText(in AuditField field) =>
        field.TryGetInt64(out var id) && AuditIds.IsUnset(id) ? AuditIds.UnsetName : null;

    private static bool IsIdName(string name) => name is
        "auid" or "uid" or "euid" or "suid" or "fsuid" or "ouid" or "oauid" or "iuid" or "id" or "inode_uid" or "sauid" or "obj_uid"
        or "old-auid" or "gid" or "egid" or "sgid" or "fsgid" or "ogid" or "igid" or "inode_gid" or "new_gid" or "obj_gid";

    // auparse decodes the hex into a C string (so a NUL ends it) and escapes bytes below 0x20 as \ooo.
    private static string EscapedText(in AuditField field)
    {
        var bytes = new byte[field.DecodedLength];
        field.TryDecodeBytes(bytes, out var written);
        var value = bytes.AsSpan(0, written);
        var nul = value.IndexOf((byte)0);
        return TtyEscape(Encoding.UTF8.GetString(nul < 0 ? value : value[..nul]));
    }

    /// <summary>auparse's TTY escaping: bytes below 0x20 as <c>\ooo</c> (octal), the rest as they are.</summary>
    public static string TtyEscape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c < ' ')
            {
                escaped.Append('\\').Append((char)('0' + (c >> 6))).Append((char)('0' + ((c >> 3) & 7))).Append((char)('0' + (c & 7)));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
