using AuditSentinel.Functions.Blobs;
using AuditSentinel.Functions.EventHubs;
using AuditSentinel.Functions.Ingest;
using AuditSentinel.Functions.Protocol;

namespace AuditSentinel.Functions.Hosting;

/// <summary>
/// The routes the host calls: <c>POST /{FunctionName}</c> with the invocation, answered with
/// <see cref="InvocationResponse"/>. Any other status fails the invocation: 400 for an invocation that cannot be
/// read, 503 for a blob another attempt owns, 500 for a failure (Event Grid then delivers again; for Event Hubs the
/// function.json retry policy runs the batch again before the host checkpoints it).
/// </summary>
internal static class FunctionEndpoints
{
    private const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    public static void Map(WebApplication app)
    {
        app.MapPost("/" + BlobCreatedFunction.Name, (HttpContext context, BlobCreatedFunction function) =>
            InvokeAsync(context, BlobCreatedFunction.Name, (body, _, ct) => function.InvokeAsync(InvocationRequest.Parse(body), ct)));
        app.MapPost("/" + EventHubIngestFunction.Name, (HttpContext context, EventHubIngestFunction function) =>
            InvokeAsync(context, EventHubIngestFunction.Name, function.InvokeAsync));

        // The host probes the handler's root until it answers before sending invocations.
        app.MapGet("/", () => Results.Ok());
    }

    private static async Task<IResult> InvokeAsync(HttpContext context, string function, Func<ReadOnlyMemory<byte>, string, CancellationToken, Task<UnitSummary>> invoke)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AuditSentinel.Functions." + function);
        var invocationId = context.Request.Headers[InvocationIdHeader].ToString();
        using var scope = logger.BeginScope(new Dictionary<string, object>(StringComparer.Ordinal) { ["InvocationId"] = invocationId, ["FunctionName"] = function });
        try
        {
            var body = await ReadBodyAsync(context).ConfigureAwait(false);
            var summary = await invoke(body, invocationId, context.RequestAborted).ConfigureAwait(false);
            Log.Unit(logger, function, summary);
            return Results.Json(InvocationResponse.Of(summary, summary.Describe()));
        }
        catch (InvalidInvocationException e)
        {
            Log.InvalidInvocation(logger, function, e.Message);
            return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BlobBusyException e)
        {
            return Results.Text(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
#pragma warning disable CA1031 // Every failure becomes a failed invocation the host records; the details go to the log.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.InvocationFailed(logger, e, function);
            return Results.Text(e.Message, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
