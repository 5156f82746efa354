using System.Text.Json;
using AuditSentinel.Azure.Query;
using AuditSentinel.TestSupport.Azure;
using Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AuditSentinel.Azure.Tests;

/// <summary>The query client against a loopback server speaking the documented v1 query response and error shapes.</summary>
public sealed class LogsQueryClientTests
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task Tables_columns_and_rows_are_returned_and_the_request_follows_the_contract()
    {
        JsonElement? received = null;
        string? path = null, authorization = null;
        await using var server = await StartAsync(async context =>
        {
            path = context.Request.Path;
            authorization = context.Request.Headers.Authorization;
            received = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
            await context.Response.WriteAsync("""{"tables":[{"name":"PrimaryResult","columns":[{"name":"Computer","type":"string"},{"name":"n","type":"long"}],"rows":[["host1",3],["host2",5]]}]}""");
        });
        var credential = new StaticTokenCredential("query-token");

        var result = await Client(server.Address, credential).QueryWorkspaceAsync(Workspace, "LinuxAudit_CL | summarize n=count() by Computer", TimeSpan.FromHours(1));

        Assert.Equal($"/v1/workspaces/{Workspace}/query", path);
        Assert.Equal("Bearer query-token", authorization);
        Assert.Equal("LinuxAudit_CL | summarize n=count() by Computer", received!.Value.GetProperty("query").GetString());
        Assert.Equal("PT1H", received.Value.GetProperty("timespan").GetString());
        Assert.Contains("https://api.loganalytics.io//.default", credential.RequestedScopes, StringComparer.Ordinal);
        Assert.Equal([new LogsColumn("Computer", "string"), new LogsColumn("n", "long")], result.Table.Columns);
        Assert.Equal(["host1", "host2"], result.Table.Rows.Select(r => r[0].GetString()), StringComparer.Ordinal);
        Assert.Equal([3L, 5L], result.Table.Rows.Select(r => r[1].GetInt64()));
    }

    [Fact]
    public async Task A_failed_query_surfaces_the_service_message()
    {
        await using var server = await StartAsync(context =>
        {
            context.Response.StatusCode = 400;
            return context.Response.WriteAsync("""{"error":{"code":"BadArgumentError","message":"The request had some invalid properties","innererror":{"code":"SemanticError","message":"'NoSuchTable_CL' could not be resolved"}}}""");
        });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            Client(server.Address, new StaticTokenCredential("t")).QueryWorkspaceAsync(Workspace, "NoSuchTable_CL", TimeSpan.FromDays(1)));

        Assert.Equal(400, error.Status);
        Assert.Equal("BadArgumentError", error.ErrorCode);
        Assert.Contains("NoSuchTable_CL", error.Message, StringComparison.Ordinal);
    }

    private static LogsQueryClient Client(Uri server, StaticTokenCredential credential) =>
        new(credential, new LogsQueryClientOptions { Endpoint = server, Transport = LoopbackTls.CreateTransport() });

    private static async Task<Server> StartAsync(RequestDelegate handler)
    {
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/workspaces/{id}/query", handler));
        return new Server(app, address);
    }

    private sealed record Server(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
