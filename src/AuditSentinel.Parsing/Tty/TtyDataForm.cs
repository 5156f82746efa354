namespace AuditSentinel.Parsing.Tty;

/// <summary>How the <c>data=</c> value of a TTY or USER_TTY record was written.</summary>
public enum TtyDataForm : byte
{
    /// <summary>Hex digits: the kernel's form for TTY records and for USER_TTY data holding spaces, quotes or control bytes.</summary>
    Hex,
    /// <summary>A double-quoted string: the kernel's form for USER_TTY data of printable characters only.</summary>
    Quoted,
    /// <summary>Anything else (<c>(null)</c>, a lone digit, text): taken as written, as aureport does.</summary>
    Verbatim,
}
