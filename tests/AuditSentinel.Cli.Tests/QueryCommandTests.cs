using System.Diagnostics;
using System.Text.RegularExpressions;
using AuditSentinel.Azure;
using AuditSentinel.Cli.Azure;
using AuditSentinel.Cli.Commands;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.Tables;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Azure;
using Spectre.Console.Testing;
using static AuditSentinel.Cli.Tests.DeliveryRun;

namespace AuditSentinel.Cli.Tests;

public sealed partial class QueryCommandTests : IDisposable
{
    private const string Workspace = "11111111-2222-3333-4444-555555555555";
    private readonly DeliveryRun _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_smoke_test_reads_the_count_of_a_sent_log_from_the_query_output(bool tsv)
    {
        await using var ingestion = await AuditStreams.StartEndpointAsync();
        var inputs = InputResolver.Resolve([RepoPaths.SshIntrusionLog]);
        var expected = (await _run.ParsedEventIdsAsync(inputs))[AuditTables.LinuxAuditEvents.Schema.Name].Count;
        Assert.Equal(0, (await _run.SendAsync(ingestion, inputs, Access(ingestion))).Exit);
        // Answers the smoke test's count query from what the ingestion endpoint accepted.
        await using var query = await LogsQueryEndpoint.StartAsync(request =>
        {
            var match = SmokeQuery().Match(request.Query);
            return match.Success
                ? LogsQueryAnswer.Table([("Count", "long")], [[ingestion.AcceptedRows(match.Groups["table"].Value).Count(r => RowJson.Property(r, "SourceName").GetString() == match.Groups["source"].Value)]])
                : LogsQueryAnswer.Error(400, "BadArgumentError", "Unsupported query", "SyntaxError", request.Query);
        });
        // The query text infra/scripts/smoke-test.sh builds, for the SourceName the rows carry.
        var smokeQuery = $"LinuxAuditEvents_CL | where SourceName == '{Assert.Single(inputs).Name}' | count";

        var (exit, output, _) = await QueryAsync(query, smokeQuery, tsv);

        Assert.Equal(0, exit);
        var request = Assert.Single(query.Requests);
        Assert.Equal(Workspace, request.Workspace);
        Assert.Equal("P1D", request.Timespan);
        var count = expected.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual("0", count);
        if (tsv)
        {
            // The smoke test asks for TSV and reads it with its own count_of.
            Assert.Equal(count, await CountAsTheSmokeTestReadsItAsync(output));
        }
        else
        {
            Assert.Contains(count, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refused_query_exits_with_failed_and_the_service_message()
    {
        await using var query = await LogsQueryEndpoint.StartAsync(_ =>
            LogsQueryAnswer.Error(400, "BadArgumentError", "The request had some invalid properties", "SemanticError", "'NoSuchTable_CL' could not be resolved"));

        var (exit, output, errors) = await QueryAsync(query, "NoSuchTable_CL | count", tsv: false);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("'NoSuchTable_CL' could not be resolved", errors, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("30m", 30 * 60)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("7d", 7 * 86400)]
    [InlineData("PT1H", 3600)]
    [InlineData("P2D", 2 * 86400)]
    public void Timespans_are_read_in_short_and_ISO_8601_forms(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), QueryCommand.ParseTimespan(text));

    [Theory]
    [InlineData("0d")]
    [InlineData("7w")]
    [InlineData("P")]
    [InlineData("-1h")]
    public void Timespans_that_are_not_positive_durations_are_refused(string text) =>
        Assert.Throws<UsageException>(() => QueryCommand.ParseTimespan(text));

    private static async Task<(int Exit, string Output, string Errors)> QueryAsync(LogsQueryEndpoint query, string kql, bool tsv)
    {
        var console = new TestConsole();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var access = new AzureAccess(new StaticTokenCredential("query-token"), options => LoopbackClientOptions.Apply(options));
        var exit = await QueryCommand.RunAsync(new QueryRequest(Workspace, kql, TimeSpan.FromDays(1), query.Endpoint, tsv), access, console, output, errors, CancellationToken.None);
        return (exit, console.Output + output, errors.ToString());
    }

    /// <summary>Runs the smoke test's own <c>count_of</c> line, taken from infra/scripts/smoke-test.sh, on the output.</summary>
    private static async Task<string> CountAsTheSmokeTestReadsItAsync(string output)
    {
        var countOf = File.ReadLines(Path.Combine(RepoPaths.Root, "infra", "scripts", "smoke-test.sh")).Single(l => l.StartsWith("count_of() ", StringComparison.Ordinal));
        var start = new ProcessStartInfo("bash", ["-c", countOf + "\ncount_of"]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(output);
        process.StandardInput.Close();
        var count = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return count;
    }

    [GeneratedRegex(@"^(?<table>\w+) \| where SourceName == '(?<source>[^']*)' \| count$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SmokeQuery();
}
