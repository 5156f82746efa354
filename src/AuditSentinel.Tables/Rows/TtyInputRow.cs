namespace AuditSentinel.Tables.Rows;

/// <summary>A row of LinuxTtyInput_CL: one TTY or USER_TTY record.</summary>
public sealed class TtyInputRow
{
    /// <summary>The audit timestamp.</summary>
    public DateTimeOffset EventTime { get; set; }

    /// <summary>The host.</summary>
    public string? Computer { get; set; }

    /// <summary>The event serial number.</summary>
    public long Serial { get; set; }

    /// <summary>The stable event id.</summary>
    public required string EventId { get; set; }

    /// <summary>TTY or USER_TTY.</summary>
    public required string RecordType { get; set; }

    /// <summary>The audit session id; null when unset.</summary>
    public long? Session { get; set; }

    /// <summary>The login user id; null when unset.</summary>
    public long? Auid { get; set; }

    /// <summary>The login user name.</summary>
    public string? AuditUser { get; set; }

    /// <summary>The user id.</summary>
    public long? Uid { get; set; }

    /// <summary>The user name.</summary>
    public string? User { get; set; }

    /// <summary>The process id.</summary>
    public int? Pid { get; set; }

    /// <summary>The terminal.</summary>
    public string? Tty { get; set; }

    /// <summary>The command name.</summary>
    public string? Comm { get; set; }

    /// <summary>The keystrokes as aureport --tty renders them.</summary>
    public string? Input { get; set; }

    /// <summary>The reconstructed input lines.</summary>
    public IReadOnlyList<string>? Lines { get; set; }

    /// <summary>True when input was replaced by a marker.</summary>
    public bool Redacted { get; set; }

    /// <summary>Why input was redacted.</summary>
    public string? RedactionReason { get; set; }

    /// <summary>The source unit.</summary>
    public string? SourceName { get; set; }

    /// <summary>The parser version.</summary>
    public required string ParserVersion { get; set; }
}
