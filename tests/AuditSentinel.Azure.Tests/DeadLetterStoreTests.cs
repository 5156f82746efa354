using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.TestSupport.Azure;
using static AuditSentinel.Azure.Tests.IngestionTestRows;

namespace AuditSentinel.Azure.Tests;

/// <summary>The same behaviour from every dead-letter store: round trip, list, delete, and replay.</summary>
public abstract class DeadLetterStoreTests
{
    protected abstract Task<IDeadLetterStore> CreateStoreAsync();

    [Fact]
    public async Task Items_round_trip_with_their_reason_error_target_and_source()
    {
        var store = await CreateStoreAsync();
        var info = new DeadLetterInfo(Rule, TestStream, "LinuxAuditTest_CL", "upload-failed", "{\"error\":{\"code\":\"InvalidStream\"}}", "blob:logs/host1/audit.log.1.gz", DateTimeOffset.UtcNow);
        var rows = Rows(3, 20);

        var id = await store.WriteAsync(info, rows);
        var ids = await ListAsync(store);
        var item = await store.ReadAsync(id);
        await store.DeleteAsync(id);

        Assert.Equal([id], ids);
        Assert.Equal(info with { CreatedUtc = item.Info.CreatedUtc }, item.Info);
        Assert.Equal(info.CreatedUtc.ToUnixTimeMilliseconds(), item.Info.CreatedUtc.ToUnixTimeMilliseconds());
        Assert.Equal(rows.Select(r => r.ToArray()), item.Rows.Select(r => r.ToArray()));
        Assert.Empty(await ListAsync(store));
    }

    [Theory]
    [InlineData(IngestionFaultKind.BadRequest400)]
    [InlineData(IngestionFaultKind.Forbidden403)]
    public async Task Permanently_rejected_rows_are_dead_lettered_and_replay_delivers_them_once_the_endpoint_recovers(IngestionFaultKind kind)
    {
        var store = await CreateStoreAsync();
        await using var endpoint = await StartEndpointAsync();
        endpoint.PermanentFault = new IngestionFault(kind);
        var client = Client(endpoint);
        var rows = Rows(2500, 900);
        var options = new LogsUploadOptions();
        options.UploadFailed += args => store.WriteAsync(
            new DeadLetterInfo(Rule, TestStream, "LinuxAuditTest_CL", "upload-failed", args.Exception.Message, "test", DateTimeOffset.UtcNow),
            args.FailedLogs.Cast<ReadOnlyMemory<byte>>(),
            args.CancellationToken);
        await client.UploadAsync(Rule, TestStream, rows, options);
        var rejected = new DeadLetterInfo(Rule, null, "LinuxAudit_CL", "rejected:bad-format", "no type= field", "audit.log:17", DateTimeOffset.UtcNow);
        await store.WriteAsync(rejected, [Row(-1, "garbage line")]);
        Assert.Empty(endpoint.AcceptedRows);

        endpoint.PermanentFault = null;
        var result = await DeadLetterReplayer.ReplayAsync(store, client);

        Assert.Equal(0, result.Kept);
        Assert.Equal(1, result.NotReplayable);
        Assert.True(result.Delivered >= 3, $"expected one item per failed batch, got {result.Delivered}");
        Assert.Equal(Enumerable.Range(0, rows.Count), AcceptedIds(endpoint));
        var left = Assert.Single(await ListAsync(store));
        Assert.Equal("rejected:bad-format", (await store.ReadAsync(left)).Info.Reason);
    }

    [Fact]
    public async Task Replay_keeps_only_the_rows_that_failed_again()
    {
        var store = await CreateStoreAsync();
        await using var endpoint = await StartEndpointAsync();
        var info = new DeadLetterInfo(Rule, TestStream, "LinuxAuditTest_CL", "upload-failed", "earlier", "test", DateTimeOffset.UtcNow);
        await store.WriteAsync(info, Rows(2500, 900));
        endpoint.Script(new IngestionFault(IngestionFaultKind.Forbidden403));

        var result = await DeadLetterReplayer.ReplayAsync(store, Client(endpoint), maxConcurrency: 1);

        Assert.Equal(new DeadLetterReplayResult(0, 1, 0), result);
        var kept = await store.ReadAsync(Assert.Single(await ListAsync(store)));
        var keptIds = kept.Rows.Select(IdOf).ToList();
        Assert.Equal(Enumerable.Range(0, 2500), keptIds.Concat(AcceptedIds(endpoint)).Order());
        Assert.Contains("403", kept.Info.Error, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ListAsync(IDeadLetterStore store)
    {
        var ids = new List<string>();
        await foreach (var id in store.ListAsync())
        {
            ids.Add(id);
        }

        return ids;
    }
}

public sealed class FolderDeadLetterStoreTests : DeadLetterStoreTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dead-letters-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    protected override Task<IDeadLetterStore> CreateStoreAsync() => Task.FromResult<IDeadLetterStore>(new FolderDeadLetterStore(_folder));
}
