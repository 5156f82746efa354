namespace AuditSentinel.Tables.Rows;

/// <summary>A row of LinuxAuditHealth_CL: the accounting of one processed source unit.</summary>
public sealed class AuditHealthRow
{
    /// <summary>When the unit was processed.</summary>
    public DateTimeOffset TimeGenerated { get; set; }

    /// <summary>The host the unit came from.</summary>
    public string? Computer { get; set; }

    /// <summary>The source unit.</summary>
    public string? SourceName { get; set; }

    /// <summary>file, blob or eventhub.</summary>
    public required string SourceKind { get; set; }

    /// <summary>The earliest event time.</summary>
    public DateTimeOffset? FirstEventTime { get; set; }

    /// <summary>The latest event time.</summary>
    public DateTimeOffset? LastEventTime { get; set; }

    /// <summary>Bytes read.</summary>
    public long Bytes { get; set; }

    /// <summary>Lines read.</summary>
    public long Lines { get; set; }

    /// <summary>Records parsed.</summary>
    public long Records { get; set; }

    /// <summary>Events assembled.</summary>
    public long Events { get; set; }

    /// <summary>Events emitted partial.</summary>
    public long PartialEvents { get; set; }

    /// <summary>TTY and USER_TTY records.</summary>
    public long TtyRecords { get; set; }

    /// <summary>Lines rejected.</summary>
    public long RejectedLines { get; set; }

    /// <summary>Rejected lines by reason code.</summary>
    public IReadOnlyList<KeyValuePair<string, long>>? RejectReasons { get; set; }

    /// <summary>Rows that could not be delivered and were dead-lettered.</summary>
    public long DeadLetteredRows { get; set; }

    /// <summary>The parser version.</summary>
    public required string ParserVersion { get; set; }
}
