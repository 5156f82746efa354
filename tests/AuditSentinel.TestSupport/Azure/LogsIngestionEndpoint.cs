using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AuditSentinel.TestSupport.Azure;

/// <summary>
/// An in-process Logs Ingestion API (Kestrel, TLS on 127.0.0.1, random port) that enforces the documented
/// contract: <c>POST /dataCollectionRules/{id}/streams/{stream}?api-version=2023-01-01</c>, a bearer token,
/// a gzip body holding a JSON array of objects of at most 1 MiB (413 past it), and only the declared
/// columns of a declared stream (others are dropped and reported). It records every accepted row and
/// injects faults on demand: permanent, scripted, or a seeded random mix (an injected 413 only hits calls of more
/// than one row, as the real service would).
/// </summary>
public sealed class LogsIngestionEndpoint : IAsyncDisposable
{
    public const string ApiVersion = "2023-01-01";
    public const int MaxBodyBytes = 1024 * 1024;

    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, HashSet<string>> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IngestionFault> _scripted = new();
    private readonly Lock _randomLock = new();
    private Random? _random;
    private double _faultRate;
    private IngestionFault[] _mix = [];

    private LogsIngestionEndpoint(string token) => ExpectedToken = token;

    private void Map(WebApplication app)
    {
        app.MapPost("/dataCollectionRules/{ruleId}/streams/{stream}", HandleAsync);
        app.MapFallback(static context =>
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsJsonAsync(Error("NotFound", $"No such route: {context.Request.Method} {context.Request.Path}"));
        });
    }

    public string ExpectedToken { get; }

    /// <summary>The endpoint base address, e.g. https://127.0.0.1:41234.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every call, accepted or not, in arrival order.</summary>
    public ConcurrentQueue<IngestionCall> Calls { get; } = new();

    /// <summary>Accepted rows (after column filtering) as JSON text, keyed by stream.</summary>
    public ConcurrentQueue<(string Stream, string Json)> AcceptedRows { get; } = new();

    /// <summary>Column names that arrived but are not declared for their stream.</summary>
    public ConcurrentDictionary<string, int> DroppedColumns { get; } = new(StringComparer.Ordinal);

    /// <summary>A fault applied to every call while set.</summary>
    public IngestionFault? PermanentFault { get; set; }

    public static async Task<LogsIngestionEndpoint> StartAsync(string token = "test-token")
    {
        var endpoint = new LogsIngestionEndpoint(token);
        (endpoint._app, endpoint.Endpoint) = await LoopbackServer.StartAsync(endpoint.Map).ConfigureAwait(false);
        return endpoint;
    }

    /// <summary>Declares a stream and its columns; rows may only carry these.</summary>
    public void DeclareStream(string stream, params string[] columns) => _streams[stream] = new HashSet<string>(columns, StringComparer.Ordinal);

    /// <summary>Faults for the next calls, in order.</summary>
    public void Script(params IngestionFault[] faults)
    {
        foreach (var fault in faults)
        {
            _scripted.Enqueue(fault);
        }
    }

    /// <summary>Each call fails with probability <paramref name="rate"/> with a fault drawn from <paramref name="mix"/>.</summary>
    public void UseRandomFaults(int seed, double rate, params IngestionFault[] mix)
    {
        lock (_randomLock)
        {
            _random = new Random(seed);
            _faultRate = rate;
            _mix = mix;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IngestionFault? NextFault()
    {
        if (PermanentFault is { } permanent)
        {
            return permanent;
        }

        if (_scripted.TryDequeue(out var scripted))
        {
            return scripted;
        }

        lock (_randomLock)
        {
            return _random is not null && _random.NextDouble() < _faultRate ? _mix[_random.Next(_mix.Length)] : null;
        }
    }

    private async Task HandleAsync(HttpContext context, string ruleId, string stream)
    {
        var call = new IngestionCall(Stopwatch.GetTimestamp(), ruleId, stream);
        try
        {
            await HandleCoreAsync(context, stream, call).ConfigureAwait(false);
        }
        finally
        {
            call.Status = context.Response.StatusCode;
            Calls.Enqueue(call);
        }
    }

    private async Task HandleCoreAsync(HttpContext context, string stream, IngestionCall call)
    {
        var request = context.Request;
        if (request.Query["api-version"] != ApiVersion)
        {
            await RejectAsync(context, 400, "InvalidApiVersion", $"api-version must be {ApiVersion}.").ConfigureAwait(false);
            return;
        }

        if (request.Headers.Authorization != $"Bearer {ExpectedToken}")
        {
            await RejectAsync(context, 401, "InvalidToken", "A bearer token is required.").ConfigureAwait(false);
            return;
        }

        // An injected 413 waits for the body: the service never refuses a single-row call as too large.
        var fault = NextFault();
        if (fault is not null && fault.Kind != IngestionFaultKind.TooLarge413)
        {
            call.Fault = fault;
            await ApplyAsync(context, fault).ConfigureAwait(false);
            return;
        }

        if (request.Headers.ContentEncoding != "gzip")
        {
            await RejectAsync(context, 400, "InvalidContentEncoding", "The body must be gzip-compressed.").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        call.UncompressedBytes = body.Length;
        if (body.Length > MaxBodyBytes)
        {
            await RejectAsync(context, 413, "ContentLengthLimitExceeded", $"The body is {body.Length} bytes, more than {MaxBodyBytes}.").ConfigureAwait(false);
            return;
        }

        if (!_streams.TryGetValue(stream, out var columns))
        {
            await RejectAsync(context, 400, "InvalidStream", $"Stream {stream} is not declared in the data collection rule.").ConfigureAwait(false);
            return;
        }

        if (Parse(body) is not JsonArray rows || rows.Any(static r => r is not JsonObject))
        {
            await RejectAsync(context, 400, "InvalidJson", "The body must be a JSON array of objects.").ConfigureAwait(false);
            return;
        }

        if (fault is not null && rows.Count > 1)
        {
            call.Fault = fault;
            await ApplyAsync(context, fault).ConfigureAwait(false);
            return;
        }

        foreach (var row in rows.Cast<JsonObject>())
        {
            foreach (var name in row.Select(static p => p.Key).Where(n => !columns.Contains(n)).ToList())
            {
                DroppedColumns.AddOrUpdate(name, 1, static (_, n) => n + 1);
                row.Remove(name);
            }

            AcceptedRows.Enqueue((stream, row.ToJsonString()));
        }

        call.RowCount = rows.Count;
        context.Response.StatusCode = 204;
    }

    private static JsonNode? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gzip.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task ApplyAsync(HttpContext context, IngestionFault fault)
    {
        switch (fault.Kind)
        {
            case IngestionFaultKind.ConnectionReset:
                context.Abort();
                return;
            case IngestionFaultKind.Timeout:
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
                return;
        }

        var (status, code) = fault.Kind switch
        {
            IngestionFaultKind.Throttled429 => (429, "TooManyRequests"),
            IngestionFaultKind.ServerError500 => (500, "InternalServerError"),
            IngestionFaultKind.Unavailable503 => (503, "ServiceUnavailable"),
            IngestionFaultKind.TooLarge413 => (413, "ContentLengthLimitExceeded"),
            IngestionFaultKind.BadRequest400 => (400, "InvalidStream"),
            _ => (403, "Forbidden"),
        };
        if (fault.RetryAfterSeconds > 0)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await RejectAsync(context, status, code, $"Injected fault {fault.Kind}.").ConfigureAwait(false);
    }

    private static Task RejectAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Error(code, message));
    }

    private static Dictionary<string, Dictionary<string, string>> Error(string code, string message) =>
        new(StringComparer.Ordinal) { ["error"] = new(StringComparer.Ordinal) { ["code"] = code, ["message"] = message } };
}

/// <summary>One call the endpoint received.</summary>
public sealed class IngestionCall(long receivedTimestamp, string ruleId, string stream)
{
    public long ReceivedTimestamp { get; } = receivedTimestamp;

    public string RuleId { get; } = ruleId;

    public string Stream { get; } = stream;

    public int Status { get; set; }

    public IngestionFault? Fault { get; set; }

    public int UncompressedBytes { get; set; }

    public int RowCount { get; set; }
}
