namespace AuditSentinel.Pipeline;

/// <summary>Where a unit of input came from; written to the health table as <c>SourceKind</c>.</summary>
public enum SourceKind
{
    /// <summary>A local file or standard input (the CLI).</summary>
    File,
    /// <summary>A blob announced by Event Grid.</summary>
    Blob,
    /// <summary>A batch of Event Hubs messages.</summary>
    EventHub,
}
