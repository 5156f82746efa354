using AuditSentinel.Pipeline;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>
/// The whole parse path in one process, as <c>parse --out</c> runs it minus the file system: lines pushed into an
/// <see cref="IngestSession"/> whose rows go to a sink that only counts bytes. Figures per event.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly IngestSource Source = new("bench", SourceKind.File);
    private readonly IngestOptions _options = new();
    private readonly CountingSink _sink = new();
    private byte[][] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        SampleLines.CheckCounts();
        _lines = SampleLines.Lines;
    }

    [Benchmark(Description = "IngestSession lines to NDJSON rows, per event", OperationsPerInvoke = SampleLines.EventCount)]
    public async Task<long> Ingest()
    {
        using var session = new IngestSession(Source, _options, _sink, _sink);
        for (var i = 0; i < _lines.Length; i++)
        {
            session.AddLine(_lines[i], i + 1);
        }

        var report = await session.CompleteAsync(inputContinues: false, CancellationToken.None);
        return report.Events + _sink.Bytes;
    }
}
