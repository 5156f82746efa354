namespace AuditSentinel.Parsing.Records;

/// <summary>Stable codes and explanations for <see cref="RejectReason"/>, as they appear in health rows and the dead-letter store.</summary>
public static class RejectReasons
{
    /// <summary>A stable kebab-case code.</summary>
    public static string Code(RejectReason reason) => reason switch
    {
        RejectReason.BlankLine => "blank-line",
        RejectReason.EventSeparator => "event-separator",
        RejectReason.NoAuditHeader => "no-audit-header",
        RejectReason.BadRecordType => "bad-record-type",
        RejectReason.BadTimestamp => "bad-timestamp",
        RejectReason.LineTooLong => "line-too-long",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>A sentence for an operator.</summary>
    public static string Explain(RejectReason reason) => reason switch
    {
        RejectReason.BlankLine => "The line is empty.",
        RejectReason.EventSeparator => "The line is an ausearch event separator (----).",
        RejectReason.NoAuditHeader => "The line has no 'type=... audit(seconds.millis:serial)' header, so it is not an audit record.",
        RejectReason.BadRecordType => "The record type after 'type=' is empty or malformed.",
        RejectReason.BadTimestamp => "The audit(seconds.millis:serial) stamp is malformed or later than year 9999.",
        RejectReason.LineTooLong => "The line is longer than the reader's limit.",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
