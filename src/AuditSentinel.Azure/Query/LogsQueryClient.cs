using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AuditSentinel.Azure.Query;

/// <summary>Runs KQL against a Log Analytics workspace (mirrors Azure.Monitor.Query's <c>LogsQueryClient.QueryWorkspaceAsync</c>).</summary>
public sealed class LogsQueryClient
{
    private static readonly StatusCodeClassifier Success = new(stackalloc ushort[] { 200 });
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    /// <summary>Creates a client; the credential needs Log Analytics Reader on the workspace.</summary>
    public LogsQueryClient(TokenCredential credential, LogsQueryClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new LogsQueryClientOptions();
        _endpoint = options.Endpoint;
        _pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, options.Scope));
    }

    /// <summary>
    /// Runs <paramref name="query"/> over <paramref name="timespan"/> (ending now). A failed query throws a
    /// <see cref="RequestFailedException"/> whose message carries the service's error code and message.
    /// </summary>
    public async Task<LogsQueryResult> QueryWorkspaceAsync(string workspaceId, string query, TimeSpan timespan, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentException.ThrowIfNullOrEmpty(query);
        using var message = _pipeline.CreateMessage(new RequestContext { CancellationToken = cancellationToken }, Success);
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/v1/workspaces/", false);
        request.Uri.AppendPath(workspaceId, true);
        request.Uri.AppendPath("/query", false);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(
            new QueryRequest(query, System.Xml.XmlConvert.ToString(timespan)), QueryJsonContext.Default.QueryRequest));
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.IsError)
        {
            throw ServiceErrors.Create(message.Response);
        }

        using var document = await JsonDocument.ParseAsync(message.Response.ContentStream!, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Parse(document.RootElement);
    }

    private static LogsQueryResult Parse(JsonElement root)
    {
        var tables = new List<LogsTable>();
        foreach (var table in root.GetProperty("tables").EnumerateArray())
        {
            var columns = table.GetProperty("columns").EnumerateArray()
                .Select(static c => new LogsColumn(c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!))
                .ToList();
            var rows = table.GetProperty("rows").EnumerateArray()
                .Select(static r => (IReadOnlyList<JsonElement>)r.EnumerateArray().Select(static v => v.Clone()).ToList())
                .ToList();
            tables.Add(new LogsTable(table.GetProperty("name").GetString()!, columns, rows));
        }

        return new LogsQueryResult(tables);
    }
}
