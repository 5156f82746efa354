using AuditSentinel.Parsing.Records;
using AuditSentinel.Pipeline;

namespace AuditSentinel.Benchmarks;

/// <summary>A row and rejected-line sink that only counts bytes: the cheapest place rows can go.</summary>
internal sealed class CountingSink : IRowSink, IRejectedLineSink
{
    public long Bytes { get; private set; }

    public void Write(string table, ReadOnlySpan<byte> rowJson) => Bytes += rowJson.Length + 1;

    public void Reject(IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason) => Bytes += line.Length;

    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
