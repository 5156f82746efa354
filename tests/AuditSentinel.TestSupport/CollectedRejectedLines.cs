using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Pipeline;

namespace AuditSentinel.TestSupport;

/// <summary>A rejected-line sink that keeps every line in memory with its number and reason.</summary>
public sealed class CollectedRejectedLines : IRejectedLineSink
{
    private readonly List<(long LineNumber, string Text, RejectReason Reason)> _lines = [];

    public IReadOnlyList<(long LineNumber, string Text, RejectReason Reason)> Lines => _lines;

    public void Reject(IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason) =>
        _lines.Add((lineNumber, Encoding.UTF8.GetString(line), reason));

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
