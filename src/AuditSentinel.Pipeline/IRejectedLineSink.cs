using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Pipeline;

/// <summary>Keeps every line that did not become a record, with its reason, so nothing read is lost.</summary>
public interface IRejectedLineSink
{
    /// <summary>Keeps one rejected line (copy the bytes: they are reused after the call).</summary>
    void Reject(IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason);

    /// <summary>Makes kept lines durable.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
