using AuditSentinel.Tables;

namespace AuditSentinel.TestSupport.Azure;

/// <summary>The in-process endpoint with the DCR streams the deployment declares: one per table, with exactly its columns.</summary>
public static class AuditStreams
{
    public static async Task<LogsIngestionEndpoint> StartEndpointAsync(string token = "test-token")
    {
        var endpoint = await LogsIngestionEndpoint.StartAsync(token).ConfigureAwait(false);
        foreach (var table in AuditTables.All)
        {
            endpoint.DeclareStream(table.StreamName, table.Columns.Select(static c => c.Name).ToArray());
        }

        return endpoint;
    }

    /// <summary>Accepted rows of one table's stream, as JSON.</summary>
    public static IEnumerable<string> AcceptedRows(this LogsIngestionEndpoint endpoint, string table)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var stream = AuditTables.All.Single(t => t.Name == table).StreamName;
        return endpoint.AcceptedRows.Where(r => r.Stream == stream).Select(static r => r.Json);
    }
}
