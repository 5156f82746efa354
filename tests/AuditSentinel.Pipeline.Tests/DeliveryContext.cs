using System.Text.Json;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.Pipeline.Delivery;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Azure;

namespace AuditSentinel.Pipeline.Tests;

/// <summary>The in-process Logs Ingestion endpoint with the audit streams, a folder dead-letter store, and a target wired to both.</summary>
internal sealed class DeliveryContext : IAsyncDisposable
{
    public const string RuleId = "dcr-0123456789abcdef0123456789abcdef";

    private DeliveryContext(LogsIngestionEndpoint endpoint, string folder, DeliveryTarget target)
    {
        Endpoint = endpoint;
        Folder = folder;
        Target = target;
        Store = (FolderDeadLetterStore)target.DeadLetters;
    }

    public LogsIngestionEndpoint Endpoint { get; }

    public string Folder { get; }

    public DeliveryTarget Target { get; }

    public FolderDeadLetterStore Store { get; }

    public static async Task<DeliveryContext> StartAsync(int maxRetries = 8, TimeSpan? networkTimeout = null)
    {
        var endpoint = await AuditStreams.StartEndpointAsync();
        var folder = Directory.CreateTempSubdirectory("dead-letter-").FullName;
        var options = LoopbackClientOptions.Apply(new LogsIngestionClientOptions(), maxRetries, networkTimeout);
        var target = new DeliveryTarget(endpoint.Endpoint, new StaticTokenCredential(endpoint.ExpectedToken), RuleId, new FolderDeadLetterStore(folder), options);
        return new DeliveryContext(endpoint, folder, target);
    }

    /// <summary>Runs a log file through the pipeline into a new sink; returns the report and the sink.</summary>
    public async Task<(IngestReport Report, LogsIngestionSink Sink)> SendAsync(string path, DeliveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sink = new LogsIngestionSink(Target, path, options);
        var report = await LogIngestion.IngestStreamAsync(File.OpenRead(path), new IngestSource(path, SourceKind.File), new IngestOptions(), sink, new DeadLetterRejectedLineSink(Target), cancellationToken: cancellationToken);
        return (report, sink);
    }

    /// <summary>Every dead-letter item in the store.</summary>
    public async Task<List<DeadLetterItem>> DeadLettersAsync()
    {
        var items = new List<DeadLetterItem>();
        await foreach (var id in Store.ListAsync())
        {
            items.Add(await Store.ReadAsync(id));
        }

        return items;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Endpoint.DisposeAsync();
    }

    /// <summary>The rows the pipeline makes of a log, collected offline (what a delivery must bring across).</summary>
    public static Task<(IngestReport Report, CollectedRows Rows)> ParseAsync(string path) =>
        RowJson.ParseAsync(File.OpenRead(path), path);
}
