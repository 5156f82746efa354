namespace AuditSentinel.Tables.Rows;

/// <summary>
/// A row of LinuxAuditEvents_CL: one assembled audit event. The mapper fills every property; the ingest pipeline fills
/// one row again for each event (see <see cref="Mapping.AuditEventMapper.MapInto"/>).
/// </summary>
public sealed class AuditEventRow
{
    /// <summary>The audit timestamp.</summary>
    public DateTimeOffset EventTime { get; set; }

    /// <summary>The host (node= or syslog host).</summary>
    public string? Computer { get; set; }

    /// <summary>The event serial number.</summary>
    public long Serial { get; set; }

    /// <summary>The stable event id (see EventIds).</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>The primary record's type name.</summary>
    public string RecordType { get; set; } = string.Empty;

    /// <summary>The type names of the event's records, in order.</summary>
    public IReadOnlyList<string> RecordTypes { get; set; } = [];

    /// <summary>The number of records in the row.</summary>
    public int RecordCount { get; set; }

    /// <summary>The normalized category.</summary>
    public string Category { get; set; } = string.Empty;

    /// <summary>The normalized action.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>success, failure or unknown.</summary>
    public string Result { get; set; } = string.Empty;

    /// <summary>The syscall name (or number when no name is known).</summary>
    public string? Syscall { get; set; }

    /// <summary>The architecture name.</summary>
    public string? Arch { get; set; }

    /// <summary>The syscall exit value.</summary>
    public long? Exit { get; set; }

    /// <summary>The process id.</summary>
    public int? Pid { get; set; }

    /// <summary>The parent process id.</summary>
    public int? Ppid { get; set; }

    /// <summary>The login (audit) user id; null when unset.</summary>
    public long? Auid { get; set; }

    /// <summary>The login user name.</summary>
    public string? AuditUser { get; set; }

    /// <summary>The audit session id; null when unset.</summary>
    public long? Session { get; set; }

    /// <summary>The user id.</summary>
    public long? Uid { get; set; }

    /// <summary>The user name.</summary>
    public string? User { get; set; }

    /// <summary>The effective user id.</summary>
    public long? Euid { get; set; }

    /// <summary>The effective user name.</summary>
    public string? EffectiveUser { get; set; }

    /// <summary>The group id.</summary>
    public long? Gid { get; set; }

    /// <summary>The terminal.</summary>
    public string? Tty { get; set; }

    /// <summary>The command name.</summary>
    public string? Comm { get; set; }

    /// <summary>The executable path.</summary>
    public string? Exe { get; set; }

    /// <summary>The command line.</summary>
    public string? CommandLine { get; set; }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<string?>? Argv { get; set; }

    /// <summary>The process title.</summary>
    public string? ProcTitle { get; set; }

    /// <summary>The working directory.</summary>
    public string? Cwd { get; set; }

    /// <summary>The PATH records' fields.</summary>
    public IReadOnlyList<FieldMap>? Paths { get; set; }

    /// <summary>The object path.</summary>
    public string? FilePath { get; set; }

    /// <summary>The socket address family.</summary>
    public string? SocketFamily { get; set; }

    /// <summary>The socket address.</summary>
    public string? RemoteAddress { get; set; }

    /// <summary>The socket port.</summary>
    public int? RemotePort { get; set; }

    /// <summary>The first audit rule key.</summary>
    public string? Key { get; set; }

    /// <summary>All audit rule keys.</summary>
    public IReadOnlyList<string>? Keys { get; set; }

    /// <summary>ATT&amp;CK technique ids from the keys.</summary>
    public IReadOnlyList<string>? Techniques { get; set; }

    /// <summary>acct=.</summary>
    public string? Account { get; set; }

    /// <summary>op=.</summary>
    public string? Operation { get; set; }

    /// <summary>terminal=.</summary>
    public string? Terminal { get; set; }

    /// <summary>hostname=.</summary>
    public string? Hostname { get; set; }

    /// <summary>addr=.</summary>
    public string? SourceAddress { get; set; }

    /// <summary>Every other field.</summary>
    public FieldMap? Fields { get; set; }

    /// <summary>True when the event may be missing records.</summary>
    public bool Partial { get; set; }

    /// <summary>Why the event may be missing records.</summary>
    public string? PartialReason { get; set; }

    /// <summary>The source unit.</summary>
    public string? SourceName { get; set; }

    /// <summary>The parser version.</summary>
    public string ParserVersion { get; set; } = string.Empty;
}
