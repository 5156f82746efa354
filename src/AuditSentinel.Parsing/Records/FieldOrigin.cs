namespace AuditSentinel.Parsing.Records;

/// <summary>Where in the record a field stands.</summary>
public enum FieldOrigin : byte
{
    /// <summary>The record body written by the kernel or the user-space sender.</summary>
    Body,
    /// <summary>Inside a user-space <c>msg='...'</c> payload.</summary>
    Message,
    /// <summary>After the 0x1D separator of the ENRICHED log format: auditd's own interpretation (AUID="alice").</summary>
    Enriched,
}
