using AuditSentinel.Azure.Query;
using AuditSentinel.TestSupport.Azure;
using Azure;

namespace AuditSentinel.Azure.Tests;

/// <summary>The query client against the loopback query endpoint speaking the documented v1 query response and error shapes.</summary>
public sealed class LogsQueryClientTests
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task Tables_columns_and_rows_are_returned_and_the_request_follows_the_contract()
    {
        await using var server = await LogsQueryEndpoint.StartAsync(_ => LogsQueryAnswer.Table([("Computer", "string"), ("n", "long")], [["host1", 3], ["host2", 5]]));
        var credential = new StaticTokenCredential("query-token");

        var result = await Client(server, credential).QueryWorkspaceAsync(Workspace, "LinuxAudit_CL | summarize n=count() by Computer", TimeSpan.FromHours(1));

        var request = Assert.Single(server.Requests);
        Assert.Equal(Workspace, request.Workspace);
        Assert.Equal("Bearer query-token", request.Authorization);
        Assert.Equal("LinuxAudit_CL | summarize n=count() by Computer", request.Query);
        Assert.Equal("PT1H", request.Timespan);
        Assert.Contains("https://api.loganalytics.io//.default", credential.RequestedScopes, StringComparer.Ordinal);
        Assert.Equal([new LogsColumn("Computer", "string"), new LogsColumn("n", "long")], result.Table.Columns);
        Assert.Equal(["host1", "host2"], result.Table.Rows.Select(r => r[0].GetString()), StringComparer.Ordinal);
        Assert.Equal([3L, 5L], result.Table.Rows.Select(r => r[1].GetInt64()));
    }

    [Fact]
    public async Task A_failed_query_surfaces_the_service_message()
    {
        await using var server = await LogsQueryEndpoint.StartAsync(_ =>
            LogsQueryAnswer.Error(400, "BadArgumentError", "The request had some invalid properties", "SemanticError", "'NoSuchTable_CL' could not be resolved"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            Client(server, new StaticTokenCredential("t")).QueryWorkspaceAsync(Workspace, "NoSuchTable_CL", TimeSpan.FromDays(1)));

        Assert.Equal(400, error.Status);
        Assert.Equal("BadArgumentError", error.ErrorCode);
        Assert.Contains("NoSuchTable_CL", error.Message, StringComparison.Ordinal);
    }

    private static LogsQueryClient Client(LogsQueryEndpoint server, StaticTokenCredential credential) =>
        new(credential, new LogsQueryClientOptions { Endpoint = server.Endpoint, Transport = LoopbackTls.CreateTransport() });
}
