using System.Globalization;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;

namespace AuditSentinel.Benchmarks;

/// <summary>
/// <c>throughput LOG</c>: the same log parsed to a counting sink, then uploaded (LogsIngestionSink, gzip, HTTPS) to an
/// in-process accept-all endpoint, each timed in wall and process CPU seconds. The upload's CPU includes the endpoint's
/// (TLS, reading bodies), so its ratio to parse-only is a lower bound. A first parse and a first upload of the log warm
/// the JIT, as a long-running function host is warm: without the upload's warm-up, compiling the HTTP, TLS and Kestrel
/// code counted against the upload alone.
/// </summary>
internal static class UploadThroughput
{
    internal static async Task<int> RunAsync(string log)
    {
        var bytes = new FileInfo(log).Length;
        await using var endpoint = await AcceptAllIngestionEndpoint.StartAsync();
        await ParseAsync(log);
        await UploadAsync(log, endpoint.Target);
        var parse = await CpuClock.TimeAsync(() => ParseAsync(log));
        var (warmCalls, warmBodyBytes) = (endpoint.Calls, endpoint.BodyBytes);
        var upload = await CpuClock.TimeAsync(() => UploadAsync(log, endpoint.Target));
        Print("parse to a counting sink", bytes, parse);
        Print("upload (gzip, HTTPS, accept-all)", bytes, upload);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"upload / parse throughput: {parse.Cpu / upload.Cpu:F2} (CPU), {parse.Wall / upload.Wall:F2} (wall); {endpoint.Calls - warmCalls} calls, {(endpoint.BodyBytes - warmBodyBytes) / 1048576.0:F1} MB gzip bodies"));
        return 0;
    }

    private static async Task ParseAsync(string log)
    {
        var sink = new CountingSink();
        await LogIngestion.IngestStreamAsync(File.OpenRead(log), new IngestSource(log, SourceKind.File), new IngestOptions(), sink, sink);
    }

    private static async Task UploadAsync(string log, DeliveryTarget target)
    {
        await using var sink = new LogsIngestionSink(target, log);
        await LogIngestion.IngestStreamAsync(File.OpenRead(log), new IngestSource(log, SourceKind.File), new IngestOptions(), sink, new DeadLetterRejectedLineSink(target));
        if (sink.Statistics.DeadLetteredRows != 0)
        {
            throw new InvalidOperationException("The accept-all endpoint refused rows.");
        }
    }

    private static void Print(string what, long bytes, (double Wall, double Cpu) time)
    {
        var mb = bytes / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-34} wall {time.Wall,7:F2} s  cpu {time.Cpu,7:F2} s  {mb / time.Cpu,7:F1} MB/cpu-s  {mb / 1024 / time.Wall * 60,6:F2} GB/min (wall)"));
    }
}
