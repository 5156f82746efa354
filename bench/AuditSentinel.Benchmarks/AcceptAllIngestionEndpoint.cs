using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.Pipeline.Delivery;
using AuditSentinel.TestSupport.Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AuditSentinel.Benchmarks;

/// <summary>
/// A Logs Ingestion endpoint that accepts every call (204) after reading its body, on loopback TLS: the cheapest
/// possible service, so an upload benchmark measures our side (batching, gzip, HTTP), not the server's checks.
/// <see cref="Target"/> delivers to it, with dead letters in a temporary folder deleted on dispose.
/// </summary>
internal sealed class AcceptAllIngestionEndpoint : IAsyncDisposable
{
    private readonly string _deadLetters = Directory.CreateTempSubdirectory("bench-dead-letters-").FullName;
    private WebApplication _app = null!;
    private long _calls;
    private long _bodyBytes;

    private AcceptAllIngestionEndpoint()
    {
    }

    public Uri Endpoint { get; private set; } = null!;

    public DeliveryTarget Target { get; private set; } = null!;

    public long Calls => Interlocked.Read(ref _calls);

    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public static async Task<AcceptAllIngestionEndpoint> StartAsync()
    {
        var endpoint = new AcceptAllIngestionEndpoint();
        (endpoint._app, endpoint.Endpoint) = await LoopbackServer.StartAsync(app => app.MapPost("/dataCollectionRules/{ruleId}/streams/{stream}", endpoint.AcceptAsync));
        endpoint.Target = new DeliveryTarget(endpoint.Endpoint, new StaticTokenCredential("bench"), "dcr-00000000000000000000000000000000",
            new FolderDeadLetterStore(endpoint._deadLetters), LoopbackClientOptions.Apply(new LogsIngestionClientOptions()));
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_deadLetters, recursive: true);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        var buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            read += n;
        }

        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _bodyBytes, read);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
