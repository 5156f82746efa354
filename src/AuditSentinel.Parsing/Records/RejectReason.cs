namespace AuditSentinel.Parsing.Records;

/// <summary>Why a line did not become a record. Every rejected line is counted under one of these and kept.</summary>
public enum RejectReason
{
    /// <summary>An empty or whitespace-only line.</summary>
    BlankLine,
    /// <summary>The <c>----</c> separator <c>ausearch</c> prints between events.</summary>
    EventSeparator,
    /// <summary>No <c>type=</c> with an <c>audit(...)</c> header: not an audit record.</summary>
    NoAuditHeader,
    /// <summary>The <c>type=</c> value is empty or malformed.</summary>
    BadRecordType,
    /// <summary>The <c>audit(seconds.millis:serial)</c> stamp is malformed, or later than year 9999 (no row time holds it).</summary>
    BadTimestamp,
    /// <summary>The line is longer than the reader's limit; it was cut and kept whole in the dead-letter store.</summary>
    LineTooLong,
}
