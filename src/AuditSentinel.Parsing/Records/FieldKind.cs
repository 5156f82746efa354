namespace AuditSentinel.Parsing.Records;

/// <summary>How a field's value was written in the log, decided from the raw token.</summary>
public enum FieldKind : byte
{
    /// <summary>A bare token such as <c>pid=42</c> or <c>res=success</c>.</summary>
    Plain,
    /// <summary>A double-quoted string; the value is the text between the quotes.</summary>
    Quoted,
    /// <summary>An untrusted string the kernel hex-encoded (uppercase hex digits) because it held spaces, quotes or control bytes.</summary>
    Hex,
    /// <summary>A braced group such as ENRICHED <c>SADDR={ saddr_fam=inet laddr=10.0.0.1 lport=22 }</c>.</summary>
    Braced,
    /// <summary>No value: <c>(null)</c>, <c>?</c> or <c>(none)</c>.</summary>
    Absent,
}
