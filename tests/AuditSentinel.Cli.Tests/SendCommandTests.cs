using static AuditSentinel.TestSupport.RowJson;
using AuditSentinel.Cli.Commands;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Azure;
using static AuditSentinel.Cli.Tests.DeliveryRun;

namespace AuditSentinel.Cli.Tests;

public sealed class SendCommandTests : IDisposable
{
    private readonly DeliveryRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Under_a_seeded_mix_of_transient_faults_every_event_of_the_sample_and_a_generated_corpus_arrives_and_nothing_is_dead_lettered()
    {
        await using var endpoint = await AuditStreams.StartEndpointAsync();
        var corpus = await _run.GeneratedCorpusFolderAsync(bytes: 4_000_000, hosts: 3);
        var inputs = InputResolver.Resolve([RepoPaths.SshIntrusionLog, corpus]);
        var expected = await _run.ParsedEventIdsAsync(inputs);
        IngestionFault[] mix =
        [
            new(IngestionFaultKind.Throttled429, RetryAfterSeconds: 1),
            new(IngestionFaultKind.ServerError500),
            new(IngestionFaultKind.Unavailable503),
            new(IngestionFaultKind.Timeout),
            new(IngestionFaultKind.ConnectionReset),
            new(IngestionFaultKind.TooLarge413),
            new(IngestionFaultKind.Throttled429),
        ];
        // Every kind once first, then the seeded mix.
        endpoint.Script(mix);
        endpoint.UseRandomFaults(seed: 20261129, rate: 0.25, mix);

        var (exit, output, errors) = await _run.SendAsync(endpoint, inputs, Access(endpoint, networkTimeout: TimeSpan.FromSeconds(2)));

        Assert.True(exit == 0, errors);
        foreach (var table in RowTables)
        {
            Assert.Superset(expected[table], AcceptedEventIds(endpoint, table));
            Assert.Subset(expected[table], AcceptedEventIds(endpoint, table));
        }

        Assert.Empty(await _run.DeadLettersAsync());
        var calls = endpoint.Calls.ToList();
        Assert.Equal(Enum.GetValues<IngestionFaultKind>().Where(k => new IngestionFault(k).IsTransient || k == IngestionFaultKind.TooLarge413), calls.Where(c => c.Fault is not null).Select(c => c.Fault!.Kind).Distinct().Order());
        // Every injected fault but the 413 (which splits the batch into new calls) costs a retry; calls the
        // client timed out under load are retries too.
        var retries = SummaryValue(output, "Retries (throttling, server errors, timeouts)");
        Assert.InRange(retries, calls.Count(c => c.Fault is { Kind: not IngestionFaultKind.TooLarge413 }), calls.Count);
        Assert.Equal(0, SummaryValue(output, "Rows dead-lettered"));
        foreach (var table in RowTables)
        {
            Assert.Equal(_run.ParsedRowCount(table), SummaryValue(output, "Rows sent to " + table));
        }
    }

    [Fact]
    public async Task Cancelling_a_send_whose_calls_hang_keeps_every_row_in_the_dead_letter_store()
    {
        await using var endpoint = await AuditStreams.StartEndpointAsync();
        endpoint.PermanentFault = new IngestionFault(IngestionFaultKind.Timeout);
        var inputs = InputResolver.Resolve([RepoPaths.SshIntrusionLog]);
        var expected = await _run.ParsedEventIdsAsync(inputs);
        using var cancellation = new CancellationTokenSource();

        var send = _run.SendAsync(endpoint, inputs, Access(endpoint, networkTimeout: TimeSpan.FromSeconds(30)), cancellationToken: cancellation.Token);
        await WaitForEveryTableInFlightAsync(endpoint, TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();
        var (exit, _, errors) = await send;

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("cancelled", errors, StringComparison.Ordinal);
        var items = await _run.DeadLettersAsync();
        Assert.All(items, i => Assert.Equal("upload-failed:cancelled", i.Info.Reason));
        foreach (var table in RowTables)
        {
            Assert.Equal(expected[table], items.Where(i => i.Info.Table == table).SelectMany(i => i.Rows).Select(EventIdOf).ToHashSet(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(IngestionFaultKind.BadRequest400, "upload-failed:http-400")]
    [InlineData(IngestionFaultKind.Forbidden403, "upload-failed:http-403")]
    public async Task Under_a_permanent_rejection_every_row_is_dead_lettered_the_exit_says_so_and_replay_delivers_all_once_the_endpoint_recovers(IngestionFaultKind kind, string reason)
    {
        await using var endpoint = await AuditStreams.StartEndpointAsync();
        var inputs = InputResolver.Resolve([RepoPaths.SshIntrusionLog]);
        var expected = await _run.ParsedEventIdsAsync(inputs);
        endpoint.PermanentFault = new IngestionFault(kind);

        var (exit, output, errors) = await _run.SendAsync(endpoint, inputs, Access(endpoint));

        Assert.Equal(ExitCodes.DeadLettered, exit);
        Assert.Contains("audit-sentinel replay", errors, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        var items = await _run.DeadLettersAsync();
        foreach (var table in RowTables)
        {
            Assert.Equal(expected[table], items.Where(i => i.Info.Table == table).SelectMany(i => i.Rows).Select(EventIdOf).ToHashSet(StringComparer.Ordinal));
        }

        Assert.Empty(endpoint.AcceptedRows);

        endpoint.PermanentFault = null;
        var (replayExit, replayOutput, replayErrors) = await _run.ReplayAsync(endpoint, Access(endpoint));

        Assert.True(replayExit == 0, replayErrors);
        Assert.Equal(items.Count, SummaryValue(replayOutput, "Items delivered and removed"));
        Assert.Empty(await _run.DeadLettersAsync());
        foreach (var table in RowTables)
        {
            Assert.Equal(expected[table], AcceptedEventIds(endpoint, table));
        }
    }

    [Fact]
    public async Task Replay_against_a_service_that_still_refuses_keeps_the_items_and_exits_with_dead_lettered()
    {
        await using var endpoint = await AuditStreams.StartEndpointAsync();
        endpoint.PermanentFault = new IngestionFault(IngestionFaultKind.Forbidden403);
        await _run.SendAsync(endpoint, InputResolver.Resolve([RepoPaths.SshIntrusionLog]), Access(endpoint));
        var before = (await _run.DeadLettersAsync()).Sum(i => i.Rows.Count);

        var (exit, _, errors) = await _run.ReplayAsync(endpoint, Access(endpoint));

        Assert.Equal(ExitCodes.DeadLettered, exit);
        Assert.Contains("failed again", errors, StringComparison.Ordinal);
        Assert.Equal(before, (await _run.DeadLettersAsync()).Sum(i => i.Rows.Count));
    }

    [Theory]
    [InlineData("--endpoint", "https://example.ingest.monitor.azure.com", "--credential", "none")]
    [InlineData("--endpoint", "http://127.0.0.1:1")]
    [InlineData("--endpoint", "https://127.0.0.1:1", "--credential", "none", "no-such-file.log")]
    [InlineData("--endpoint", "https://127.0.0.1:1", "--credential", "none", "--dead-letter", "http://127.0.0.1:2/devstoreaccount1/dead-letter")]
    [InlineData("--endpoint", "https://127.0.0.1:1", "--credential", "bogus")]
    [InlineData("--endpoint", "https://127.0.0.1:1", "--credential", "none", "--concurrency", "0")]
    public async Task Refused_command_lines_exit_with_invalid_arguments_and_keep_nothing(params string[] arguments)
    {
        string[] deadLetter = arguments.Contains("--dead-letter") ? [] : ["--dead-letter", _run.DeadLetterFolder];
        var program = typeof(SendCommand).Assembly.EntryPoint!;

        // The program's own entry point, so System.CommandLine's parse errors get Program's exit code too.
        var exit = await Task.Run(() => (int)program.Invoke(null, [(string[])["send", "--rule-id", RuleId, .. deadLetter, .. arguments]])!);

        Assert.Equal(ExitCodes.InvalidArguments, exit);
        Assert.False(Directory.Exists(_run.DeadLetterFolder) && Directory.EnumerateFileSystemEntries(_run.DeadLetterFolder).Any());
    }
}
