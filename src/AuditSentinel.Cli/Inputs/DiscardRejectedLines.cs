using AuditSentinel.Parsing.Records;
using AuditSentinel.Pipeline;

namespace AuditSentinel.Cli.Inputs;

/// <summary>For read-only views (summary, timeline) that write nothing: rejected lines are counted in the report and shown by reason, not kept.</summary>
internal sealed class DiscardRejectedLines : IRejectedLineSink
{
    internal static readonly DiscardRejectedLines Instance = new();

    public void Reject(IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason)
    {
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
