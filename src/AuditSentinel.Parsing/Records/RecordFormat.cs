namespace AuditSentinel.Parsing.Records;

/// <summary>The form a record line was written in.</summary>
public enum RecordFormat : byte
{
    /// <summary>auditd's RAW format: values as the kernel sent them.</summary>
    Raw,
    /// <summary>auditd's ENRICHED format: RAW plus uppercase interpreted fields after a 0x1D byte.</summary>
    Enriched,
    /// <summary>Already interpreted by <c>ausearch -i</c>: names instead of numbers, local time in the header.</summary>
    Interpreted,
}
