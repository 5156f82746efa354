using System.CommandLine;
using System.Globalization;
using System.Xml;
using AuditSentinel.Azure;
using AuditSentinel.Azure.Query;
using AuditSentinel.Cli.Azure;
using AuditSentinel.Cli.Output;
using Azure;
using Spectre.Console;

namespace AuditSentinel.Cli.Commands;

/// <summary><c>audit-sentinel query --workspace ID "KQL" [--credential ..] [--timespan ..]</c>: prints the result table.</summary>
internal static class QueryCommand
{
    internal static Command Create()
    {
        var kql = new Argument<string>("kql") { Description = "The KQL query, e.g. \"LinuxAuditEvents_CL | count\"." };
        var workspace = new Option<string>("--workspace") { Required = true, Description = "The Log Analytics workspace id (a GUID, the workspace's customerId)." };
        var credential = CredentialChoice.CreateOption();
        // TimeGenerated keeps audit times up to 2 days old, so rows sent just now can sit 2 days back: 3 days finds them.
        var timespan = new Option<string>("--timespan") { Description = "How far back from now: 30m, 12h, 7d, or ISO 8601 (PT1H, P7D).", DefaultValueFactory = _ => "3d" };
        var endpoint = new Option<string>("--endpoint") { Description = "The Log Analytics query endpoint (another cloud's, or a test endpoint).", DefaultValueFactory = _ => new LogsQueryClientOptions().Endpoint.AbsoluteUri };
        var format = new Option<string>("--format")
        {
            Description = "table, tsv (a header line, then one line per row), or auto: a table on a terminal, tsv when the output is redirected.",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "table", "tsv");
        var command = new Command("query", "Run KQL against the Log Analytics workspace and print the result.") { kql, workspace, credential, timespan, endpoint, format };
        command.SetAction(async (result, cancellationToken) =>
        {
            var endpointUri = CommandArguments.HttpsUri(result.GetValue(endpoint)!, "--endpoint");
            var access = CredentialChoice.Access(result.GetValue(credential)!, endpointUri);
            var request = new QueryRequest(result.GetValue(workspace)!, result.GetValue(kql)!, ParseTimespan(result.GetValue(timespan)!), endpointUri, result.GetValue(format) switch
            {
                "tsv" => true,
                "table" => false,
                _ => Console.IsOutputRedirected,
            });
            return await RunAsync(request, access, AnsiConsole.Console, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(QueryRequest request, AzureAccess access, IAnsiConsole console, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var client = new LogsQueryClient(access.Credential, access.Configure(new LogsQueryClientOptions { Endpoint = request.Endpoint }));
        LogsQueryResult result;
        try
        {
            result = await client.QueryWorkspaceAsync(request.Workspace, request.Query, request.Timespan, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or global::Azure.Identity.AuthenticationFailedException)
        {
            await errors.WriteLineAsync($"query: {e.Message}");
            return ExitCodes.Failed;
        }

        foreach (var table in result.Tables)
        {
            if (request.Tsv)
            {
                await QueryResultRenderer.WriteTsvAsync(output, table);
            }
            else
            {
                QueryResultRenderer.Render(console, table);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>30m, 12h, 7d (a number and s, m, h or d), or an ISO 8601 duration; positive.</summary>
    internal static TimeSpan ParseTimespan(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        TimeSpan span;
        if (text[0] is 'P' or 'p')
        {
            try
            {
                span = XmlConvert.ToTimeSpan(text.ToUpperInvariant());
            }
            catch (FormatException)
            {
                span = TimeSpan.Zero;
            }
        }
        else
        {
            span = long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? text[^1] switch
                {
                    's' => TimeSpan.FromSeconds(n),
                    'm' => TimeSpan.FromMinutes(n),
                    'h' => TimeSpan.FromHours(n),
                    'd' => TimeSpan.FromDays(n),
                    _ => TimeSpan.Zero,
                }
                : TimeSpan.Zero;
        }

        return span > TimeSpan.Zero ? span : throw new UsageException($"--timespan '{text}' is not a positive duration such as 30m, 12h, 7d or P7D.");
    }
}

/// <summary>What <c>query</c> runs, where, and how it prints.</summary>
internal sealed record QueryRequest(string Workspace, string Query, TimeSpan Timespan, Uri Endpoint, bool Tsv);
