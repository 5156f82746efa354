using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>
/// The upload path: the same lines as <see cref="PipelineBenchmarks"/> through an <see cref="IngestSession"/> into a
/// <see cref="LogsIngestionSink"/> (1 MiB batches, gzip, HTTPS calls) to an endpoint that accepts everything. Compare
/// its per-event time with the parse-only pipeline's of the same run. Figures per event.
/// </summary>
[MemoryDiagnoser]
public class UploadBenchmarks : IAsyncDisposable
{
    private static readonly IngestSource Source = new("bench", SourceKind.File);
    private readonly IngestOptions _options = new();
    private AcceptAllIngestionEndpoint _endpoint = null!;
    private byte[][] _lines = [];

    [GlobalSetup]
    public async Task Setup()
    {
        SampleLines.CheckCounts();
        _lines = SampleLines.Lines;
        _endpoint = await AcceptAllIngestionEndpoint.StartAsync();
    }

    [Benchmark(Description = "IngestSession to LogsIngestionSink over HTTPS, per event", OperationsPerInvoke = SampleLines.EventCount)]
    public async Task<long> Upload()
    {
        await using var sink = new LogsIngestionSink(_endpoint.Target, Source.Name);
        using var session = new IngestSession(Source, _options, sink, new DeadLetterRejectedLineSink(_endpoint.Target));
        for (var i = 0; i < _lines.Length; i++)
        {
            session.AddLine(_lines[i], i + 1);
        }

        var report = await session.CompleteAsync(inputContinues: false, CancellationToken.None);
        if (sink.Statistics.DeadLetteredRows != 0)
        {
            throw new InvalidOperationException("The accept-all endpoint refused rows; the figures would not be an upload's.");
        }

        return report.Events;
    }

    [GlobalCleanup]
    public async Task Cleanup() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
