using AuditSentinel.Cli.Azure;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Azure;
using static AuditSentinel.Cli.Tests.DeliveryRun;
using static AuditSentinel.TestSupport.RowJson;

namespace AuditSentinel.Cli.Tests;

/// <summary><c>send</c> as an operator runs it: a process fed by a pipe, stopped with Ctrl+C.</summary>
public sealed class SendProcessTests : IDisposable
{
    private readonly DeliveryRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task A_send_process_reading_the_log_from_a_pipe_delivers_every_event_and_keystroke_row()
    {
        await using var endpoint = await AuditStreams.StartEndpointAsync(CredentialChoice.LoopbackTestToken);
        var expected = await _run.ParsedEventIdsAsync(InputResolver.Resolve([RepoPaths.SshIntrusionLog]));
        using var cli = CliProcess.Start(SendArguments(endpoint, "-"));

        await using (var log = File.OpenRead(RepoPaths.SshIntrusionLog))
        {
            await log.CopyToAsync(cli.Input);
        }

        cli.CloseInput();
        var (exit, _, errors) = await cli.WaitAsync();

        Assert.True(exit == ExitCodes.Success, errors);
        foreach (var table in RowTables)
        {
            Assert.Equal(expected[table].Order(StringComparer.Ordinal), AcceptedEventIds(endpoint, table).Order(StringComparer.Ordinal));
        }

        Assert.Empty(await _run.DeadLettersAsync());
    }

    [Fact]
    public async Task Ctrl_C_on_a_send_process_whose_calls_hang_dead_letters_every_row_before_it_exits()
    {
        await using var endpoint = await AuditStreams.StartEndpointAsync(CredentialChoice.LoopbackTestToken);
        endpoint.PermanentFault = new IngestionFault(IngestionFaultKind.Timeout);
        var expected = await _run.ParsedEventIdsAsync(InputResolver.Resolve([RepoPaths.SshIntrusionLog]));
        using var cli = CliProcess.Start(SendArguments(endpoint, RepoPaths.SshIntrusionLog));

        await WaitForEveryTableInFlightAsync(endpoint, TimeSpan.FromSeconds(60));
        await cli.InterruptAsync();
        var (exit, _, errors) = await cli.WaitAsync();

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("cancelled", errors, StringComparison.Ordinal);
        var items = await _run.DeadLettersAsync();
        Assert.All(items, i => Assert.Equal("upload-failed:cancelled", i.Info.Reason));
        foreach (var table in RowTables)
        {
            Assert.Equal(expected[table].Order(StringComparer.Ordinal), items.Where(i => i.Info.Table == table).SelectMany(i => i.Rows).Select(EventIdOf).Distinct().Order(StringComparer.Ordinal));
        }
    }

    private string[] SendArguments(LogsIngestionEndpoint endpoint, string input) =>
        ["send", input, "--endpoint", endpoint.Endpoint.AbsoluteUri, "--rule-id", RuleId, "--credential", "none", "--dead-letter", _run.DeadLetterFolder];
}
