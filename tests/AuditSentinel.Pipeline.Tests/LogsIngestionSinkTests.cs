using static AuditSentinel.TestSupport.RowJson;
using System.Text;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Pipeline.Delivery;
using AuditSentinel.Tables;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Azure;
using static AuditSentinel.Pipeline.Tests.DeliveryContext;

namespace AuditSentinel.Pipeline.Tests;

public sealed class LogsIngestionSinkTests
{
    private static readonly string[] RowTables = [AuditTables.LinuxAuditEvents.Schema.Name, AuditTables.LinuxTtyInput.Schema.Name];

    [Fact]
    public async Task Rows_of_each_table_reach_the_stream_declared_for_it_and_are_counted()
    {
        await using var context = await StartAsync();
        var (expected, offline) = await ParseAsync(RepoPaths.SshIntrusionLog);

        var (report, sink) = await context.SendAsync(RepoPaths.SshIntrusionLog);

        Assert.Equal(
            ["Custom-LinuxAuditEvents", "Custom-LinuxAuditHealth", "Custom-LinuxTtyInput"],
            context.Endpoint.AcceptedRows.Select(r => r.Stream).Distinct().Order(StringComparer.Ordinal));
        foreach (var table in RowTables)
        {
            Assert.Equal(offline.Of(table).Select(EventIdOf).Order(StringComparer.Ordinal), context.Endpoint.AcceptedRows(table).Select(EventIdOf).Order(StringComparer.Ordinal));
        }

        Assert.Single(context.Endpoint.AcceptedRows(AuditTables.LinuxAuditHealth.Schema.Name));
        Assert.Empty(context.Endpoint.DroppedColumns);
        Assert.Equal(expected.RowsByTable.OrderBy(p => p.Key), sink.Statistics.RowsSentByTable.OrderBy(p => p.Key));
        Assert.Equal(report.RowsByTable.Values.Sum(), sink.Statistics.RowsSent);
        Assert.Equal(context.Endpoint.Calls.Count, sink.Statistics.Batches);
        Assert.Equal(0, sink.Statistics.Retries);
        Assert.Equal(0, sink.DeadLetteredRows);
        Assert.Empty(await context.DeadLettersAsync());
    }

    [Fact]
    public async Task Transient_faults_and_a_413_are_overcome_and_the_retries_counted_are_the_calls_the_service_saw()
    {
        await using var context = await StartAsync(maxRetries: 10, networkTimeout: TimeSpan.FromMilliseconds(500));
        context.Endpoint.Script(
            new IngestionFault(IngestionFaultKind.TooLarge413),
            new IngestionFault(IngestionFaultKind.Throttled429, RetryAfterSeconds: 1),
            new IngestionFault(IngestionFaultKind.ServerError500),
            new IngestionFault(IngestionFaultKind.Unavailable503),
            new IngestionFault(IngestionFaultKind.Timeout),
            new IngestionFault(IngestionFaultKind.ConnectionReset));
        var (_, offline) = await ParseAsync(RepoPaths.SshIntrusionLog);

        var (_, sink) = await context.SendAsync(RepoPaths.SshIntrusionLog);

        var calls = context.Endpoint.Calls.ToList();
        Assert.Equal(6, calls.Count(c => c.Fault is not null));
        // The 413 is not retried: the client splits the batch and each half is a new call.
        Assert.Equal(5, sink.Statistics.Retries);
        Assert.Equal(calls.Count, sink.Statistics.Batches + sink.Statistics.Retries);
        Assert.Equal(0, sink.DeadLetteredRows);
        foreach (var table in RowTables)
        {
            Assert.Equal(offline.Of(table).Select(EventIdOf).ToHashSet(StringComparer.Ordinal), context.Endpoint.AcceptedRows(table).Select(EventIdOf).ToHashSet(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(IngestionFaultKind.BadRequest400, "upload-failed:http-400")]
    [InlineData(IngestionFaultKind.Forbidden403, "upload-failed:http-403")]
    public async Task Permanent_rejections_dead_letter_every_row_and_replay_delivers_them_once_the_service_accepts(IngestionFaultKind kind, string reason)
    {
        await using var context = await StartAsync();
        context.Endpoint.PermanentFault = new IngestionFault(kind);
        var (_, offline) = await ParseAsync(RepoPaths.SshIntrusionLog);

        var (report, sink) = await context.SendAsync(RepoPaths.SshIntrusionLog);

        var items = await context.DeadLettersAsync();
        Assert.All(items, item =>
        {
            Assert.Equal(RuleId, item.Info.RuleId);
            Assert.Equal(reason, item.Info.Reason);
            Assert.Equal(RepoPaths.SshIntrusionLog, item.Info.Source);
            Assert.Equal(AuditTables.All.Single(t => t.Name == item.Info.Table).StreamName, item.Info.Stream);
            Assert.Contains("Injected fault", item.Info.Error, StringComparison.Ordinal);
        });
        foreach (var table in RowTables)
        {
            Assert.Equal(
                offline.Of(table).Select(EventIdOf).Order(StringComparer.Ordinal),
                items.Where(i => i.Info.Table == table).SelectMany(i => i.Rows).Select(EventIdOf).Order(StringComparer.Ordinal));
        }

        var rowsBeforeHealth = report.RowsByTable.Where(p => p.Key != AuditTables.LinuxAuditHealth.Schema.Name).Sum(p => p.Value);
        var health = Assert.Single(items, i => i.Info.Table == AuditTables.LinuxAuditHealth.Schema.Name);
        Assert.Equal(rowsBeforeHealth, DeadLetteredRowsOf(Assert.Single(health.Rows)));
        Assert.Equal(report.RowsByTable.Values.Sum(), sink.DeadLetteredRows);
        Assert.Empty(context.Endpoint.AcceptedRows);

        context.Endpoint.PermanentFault = null;
        var replay = await DeadLetterReplayer.ReplayAsync(context.Store, context.Target.Client);

        Assert.Equal(new DeadLetterReplayResult(items.Count, 0, 0), replay);
        Assert.Empty(await context.DeadLettersAsync());
        foreach (var table in RowTables)
        {
            Assert.Equal(offline.Of(table).Select(EventIdOf).Order(StringComparer.Ordinal), context.Endpoint.AcceptedRows(table).Select(EventIdOf).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Flush_waits_while_the_calls_in_flight_are_at_the_limit_and_cancelling_dead_letters_every_row_not_delivered()
    {
        await using var context = await StartAsync(maxRetries: 0, networkTimeout: TimeSpan.FromSeconds(30));
        context.Endpoint.PermanentFault = new IngestionFault(IngestionFaultKind.Timeout);
        await using var sink = new LogsIngestionSink(context.Target, "synthetic", new DeliveryOptions { MaxConcurrency = 1 });
        var health = AuditTables.LinuxAuditHealth.Schema.Name;
        const int rows = 3000;
        for (var i = 0; i < rows; i++)
        {
            // About 3 MiB: three calls' worth, of which one may be in flight.
            sink.Write(health, Encoding.UTF8.GetBytes($$"""{"SourceName":"row-{{i}}","ParserVersion":"{{new string('v', 1000)}}"}"""));
        }

        using var cancellation = new CancellationTokenSource();
        var flush = sink.FlushAsync(final: false, cancellation.Token).AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(flush.IsCompleted, "a flush with more chunks than free call slots must wait");

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => flush);

        var items = await context.DeadLettersAsync();
        Assert.Equal(rows, sink.DeadLetteredRows);
        Assert.Equal(
            Enumerable.Range(0, rows).Select(i => $"row-{i}").Order(StringComparer.Ordinal),
            items.SelectMany(i => i.Rows).Select(r => SourceNameOf(r)).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal("upload-failed:cancelled", i.Info.Reason));
        Assert.Empty(context.Endpoint.AcceptedRows);
    }

    [Fact]
    public async Task Rows_that_can_be_neither_delivered_nor_dead_lettered_fail_the_flush_with_the_reason()
    {
        await using var context = await StartAsync();
        context.Endpoint.PermanentFault = new IngestionFault(IngestionFaultKind.Forbidden403);
        Directory.Delete(context.Folder, recursive: true);
        await File.WriteAllTextAsync(context.Folder, "a file where the dead-letter folder should be");
        try
        {
            var error = await Assert.ThrowsAsync<AggregateException>(() => context.SendAsync(RepoPaths.SshIntrusionLog));

            Assert.Contains("neither delivered nor dead-lettered", error.Message, StringComparison.Ordinal);
            Assert.Contains(error.Flatten().InnerExceptions, e => e is IOException or UnauthorizedAccessException);
        }
        finally
        {
            File.Delete(context.Folder);
            Directory.CreateDirectory(context.Folder);
        }
    }

    [Fact]
    public async Task Rejected_input_lines_are_kept_in_the_dead_letter_store_and_replay_leaves_them()
    {
        await using var context = await StartAsync();
        var path = Path.Combine(context.Folder, "..", $"mixed-{Guid.NewGuid():N}.log");
        var log = await File.ReadAllLinesAsync(RepoPaths.SshIntrusionLog);
        await File.WriteAllLinesAsync(path, [log[0], "Nov 29 12:00:00 vm sshd[1]: not an audit record", log[1], "type=SYSCALL msg=audit(oops:1): arch=c000003e", .. log[2..]]);
        try
        {
            var (report, _) = await context.SendAsync(path);

            var items = await context.DeadLettersAsync();
            var rejected = items.Where(i => i.Info.Stream is null).ToList();
            Assert.Equal(["rejected:bad-timestamp", "rejected:no-audit-header"], rejected.Select(i => i.Info.Reason).Order(StringComparer.Ordinal));
            Assert.All(rejected, i => Assert.Equal(DeadLetterRejectedLineSink.Table, i.Info.Table));
            Assert.Equal(2, report.RejectedLines);
            Assert.Contains(rejected.SelectMany(i => i.Rows), r => Encoding.UTF8.GetString(r.Span).Contains("\"line\":2,", StringComparison.Ordinal) && Encoding.UTF8.GetString(r.Span).Contains("not an audit record", StringComparison.Ordinal));

            var replay = await DeadLetterReplayer.ReplayAsync(context.Store, context.Target.Client);

            Assert.Equal(new DeadLetterReplayResult(0, 0, 2), replay);
            Assert.Equal(2, (await context.DeadLettersAsync()).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_table_without_a_declared_stream_is_refused()
    {
        await using var context = await StartAsync();
        await using var sink = new LogsIngestionSink(context.Target, "test");

        var error = Assert.Throws<ArgumentException>(() => sink.Write("SomethingElse_CL", "{}"u8));

        Assert.Contains("LinuxAuditEvents_CL", error.Message, StringComparison.Ordinal);
    }

    private static long DeadLetteredRowsOf(ReadOnlyMemory<byte> row) => Property(row, "DeadLetteredRows").GetInt64();

    private static string SourceNameOf(ReadOnlyMemory<byte> row) => Property(row, "SourceName").GetString()!;
}
