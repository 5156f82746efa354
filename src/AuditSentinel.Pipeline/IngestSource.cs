namespace AuditSentinel.Pipeline;

/// <summary>One unit of input: a file, a blob, an Event Hubs batch. Health rows are kept per source and host.</summary>
/// <param name="Name">What the rows carry as SourceName: a path, a blob URL path, <c>eventhub/partition/offset</c>.</param>
/// <param name="Kind">What kind of source it is.</param>
public sealed record IngestSource(string Name, SourceKind Kind);
