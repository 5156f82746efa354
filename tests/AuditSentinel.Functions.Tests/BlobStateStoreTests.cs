using AuditSentinel.TestSupport.Azure;
using AuditSentinel.Azure.Blobs;
using AuditSentinel.Functions.Blobs;
using Azure;

namespace AuditSentinel.Functions.Tests;

[Collection(HandlerTests.Name)]
public sealed class BlobStateStoreTests(AzuriteFixture fixture)
{
    private const int Racers = 8;
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Of_attempts_racing_to_claim_a_blob_without_a_marker_exactly_one_wins()
    {
        var (container, store) = await NewStoreAsync();
        var version = new ETag("0x8DE000000000001");
        var unclaimed = await store.ReadAsync("vm/audit.log", version, CancellationToken.None);
        Assert.Null(unclaimed.ETag);

        var outcomes = await RaceAsync(store, unclaimed, unclaimed.State.Start(Now));

        var winner = Assert.Single(outcomes.OfType<BlobStateMarker>());
        Assert.Equal(Racers - 1, outcomes.OfType<BlobBusyException>().Count());
        var stored = await store.ReadAsync("vm/audit.log", version, CancellationToken.None);
        Assert.Equal(winner.ETag, stored.ETag);
        Assert.Equal(1, stored.State.Attempts);
        Assert.Equal(Now, stored.State.Started);
        Assert.Equal(["state/vm/audit.log"], await NamesAsync(container));
    }

    [Fact]
    public async Task Of_attempts_racing_to_update_the_same_marker_exactly_one_wins_and_a_stale_write_is_refused()
    {
        var (_, store) = await NewStoreAsync();
        var version = new ETag("0x8DE000000000002");
        var first = await store.ReadAsync("vm/failed.log", version, CancellationToken.None);
        await store.WriteAsync(first, first.State.Start(Now).Fail("broken gzip"), CancellationToken.None);
        var failed = await store.ReadAsync("vm/failed.log", version, CancellationToken.None);

        var outcomes = await RaceAsync(store, failed, failed.State.Start(Now.AddMinutes(1)));

        var winner = Assert.Single(outcomes.OfType<BlobStateMarker>());
        Assert.Equal(Racers - 1, outcomes.OfType<BlobBusyException>().Count());
        Assert.Equal(2, winner.State.Attempts);
        await Assert.ThrowsAsync<BlobBusyException>(() => store.WriteAsync(failed, failed.State.Start(Now.AddMinutes(2)), CancellationToken.None));
        var stored = await store.ReadAsync("vm/failed.log", version, CancellationToken.None);
        Assert.Equal(winner.ETag, stored.ETag);
        Assert.Equal(Now.AddMinutes(1), stored.State.Started);
    }

    [Fact]
    public async Task A_marker_of_an_earlier_upload_reads_as_a_fresh_state_that_replaces_it()
    {
        var (_, store) = await NewStoreAsync();
        var earlier = new ETag("0x8DE000000000003");
        var later = new ETag("0x8DE000000000004");
        var marker = await store.ReadAsync("vm/rotated.log", earlier, CancellationToken.None);
        marker = await store.WriteAsync(marker, marker.State.Start(Now), CancellationToken.None);
        await store.WriteAsync(marker, marker.State.Complete(Now, "lines=10"), CancellationToken.None);

        var reuploaded = await store.ReadAsync("vm/rotated.log", later, CancellationToken.None);

        Assert.NotNull(reuploaded.ETag);
        Assert.Equal(0, reuploaded.State.Attempts);
        Assert.False(reuploaded.State.IsProcessed);
        Assert.Equal(BlobDecision.Attempt, reuploaded.State.Decide(Now, 3, TimeSpan.FromMinutes(30)));
        await store.WriteAsync(reuploaded, reuploaded.State.Start(Now), CancellationToken.None);
        Assert.True((await store.ReadAsync("vm/rotated.log", later, CancellationToken.None)).State.Describes(later));
        Assert.Equal(0, (await store.ReadAsync("vm/rotated.log", earlier, CancellationToken.None)).State.Attempts);
    }

    private async Task<(BlobContainerAccess Container, BlobStateStore Store)> NewStoreAsync()
    {
        var container = await HandlerUnderTest.ContainerAsync(fixture.Azurite.Container("state-" + Guid.NewGuid().ToString("N")[..12]));
        return (container, new BlobStateStore(container));
    }

    /// <summary>Every racer writes <paramref name="next"/> over the same read of the marker at once.</summary>
    private static async Task<object[]> RaceAsync(BlobStateStore store, BlobStateMarker read, BlobState next)
    {
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, Racers).Select(async _ =>
        {
            await start.WaitAsync();
            try
            {
                return (object)await store.WriteAsync(read, next, CancellationToken.None);
            }
            catch (BlobBusyException e)
            {
                return e;
            }
        }).ToList();
        start.Release(Racers);
        return await Task.WhenAll(racers);
    }

    private static async Task<List<string>> NamesAsync(BlobContainerAccess container)
    {
        var names = new List<string>();
        await foreach (var name in container.ListAsync(string.Empty))
        {
            names.Add(name);
        }

        return names;
    }
}
