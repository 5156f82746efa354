using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AuditSentinel.TestSupport.Azure;

/// <summary>
/// An in-process Log Analytics query API (Kestrel, TLS on 127.0.0.1): <c>POST /v1/workspaces/{id}/query</c> with a
/// JSON body <c>{query, timespan}</c>. Each request is recorded and answered by the test's responder, in the
/// documented v1 shapes (<see cref="LogsQueryAnswer"/>); a request without a bearer token gets 401.
/// </summary>
public sealed class LogsQueryEndpoint : IAsyncDisposable
{
    private readonly Func<LogsQueryRequest, LogsQueryAnswer> _respond;
    private WebApplication _app = null!;

    private LogsQueryEndpoint(Func<LogsQueryRequest, LogsQueryAnswer> respond) => _respond = respond;

    /// <summary>The endpoint base address, e.g. https://127.0.0.1:41234.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<LogsQueryRequest> Requests { get; } = new();

    public static async Task<LogsQueryEndpoint> StartAsync(Func<LogsQueryRequest, LogsQueryAnswer> respond)
    {
        var endpoint = new LogsQueryEndpoint(respond);
        (endpoint._app, endpoint.Endpoint) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/workspaces/{workspace}/query", endpoint.HandleAsync)).ConfigureAwait(false);
        return endpoint;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string workspace)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var request = new LogsQueryRequest(
            workspace,
            body.RootElement.GetProperty("query").GetString()!,
            body.RootElement.TryGetProperty("timespan", out var timespan) ? timespan.GetString() : null,
            context.Request.Headers.Authorization.ToString());
        Requests.Enqueue(request);
        var answer = request.Authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? _respond(request)
            : LogsQueryAnswer.Error(401, "AuthorizationRequiredError", "Valid authentication was not provided.");
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body).ConfigureAwait(false);
    }
}

/// <summary>A query as the endpoint received it.</summary>
public sealed record LogsQueryRequest(string Workspace, string Query, string? Timespan, string Authorization);

/// <summary>A response: status and JSON body.</summary>
public sealed record LogsQueryAnswer(int Status, string Body)
{
    /// <summary>200 with one table <c>PrimaryResult</c>: <c>{"tables":[{"name","columns":[{name,type}],"rows":[[..]]}]}</c>.</summary>
    public static LogsQueryAnswer Table(IReadOnlyList<(string Name, string Type)> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["name"] = "PrimaryResult",
            ["columns"] = columns.Select(static c => new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = c.Name, ["type"] = c.Type }).ToList(),
            ["rows"] = rows.ToList(),
        };
        return new LogsQueryAnswer(200, JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal) { ["tables"] = new[] { table } }));
    }

    /// <summary>An error in the service's shape: <c>{"error":{code,message,innererror:{code,message}}}</c>.</summary>
    public static LogsQueryAnswer Error(int status, string code, string message, string? innerCode = null, string? innerMessage = null)
    {
        var error = new Dictionary<string, object>(StringComparer.Ordinal) { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
        {
            error["innererror"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = innerCode, ["message"] = innerMessage ?? string.Empty };
        }

        return new LogsQueryAnswer(status, JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal) { ["error"] = error }));
    }
}
