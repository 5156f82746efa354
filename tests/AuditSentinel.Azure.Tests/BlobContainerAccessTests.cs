using System.Globalization;
using System.Security.Cryptography;
using AuditSentinel.Azure.Blobs;
using AuditSentinel.Azure.DeadLetters;
using Azure;

namespace AuditSentinel.Azure.Tests;

[Collection(AzuriteTests.Name)]
public sealed class BlobContainerAccessTests(AzuriteContainers azurite)
{
    [Fact]
    public async Task A_large_upload_in_blocks_reads_back_identically_and_lists_by_prefix()
    {
        var container = await azurite.NewContainerAsync();
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 123);

        await container.UploadAsync("logs/host1/audit.log.1", new MemoryStream(content));
        await container.UploadAsync("logs/host2/audit.log.1", new MemoryStream([1, 2, 3]));
        await container.UploadAsync("other/x", new MemoryStream([4]));
        var names = new List<string>();
        await foreach (var name in container.ListAsync("logs/"))
        {
            names.Add(name);
        }

        Assert.Equal(["logs/host1/audit.log.1", "logs/host2/audit.log.1"], names);
        Assert.Equal(content, await ReadAllAsync(container, "logs/host1/audit.log.1"));
    }

    [Fact]
    public async Task Metadata_and_tags_round_trip()
    {
        var container = await azurite.NewContainerAsync();
        await container.UploadAsync("a.log", new MemoryStream([1]), new Dictionary<string, string>(StringComparer.Ordinal) { ["source"] = "host1" });

        var initial = await container.GetMetadataAsync("a.log");
        await container.SetMetadataAsync("a.log", new Dictionary<string, string>(StringComparer.Ordinal) { ["processed"] = "2026-11-23T00:00:00Z" });
        await container.SetTagsAsync("a.log", new Dictionary<string, string>(StringComparer.Ordinal) { ["processed"] = "true", ["rows"] = "42" });

        Assert.Equal("host1", initial["source"]);
        Assert.Equal("2026-11-23T00:00:00Z", (await container.GetMetadataAsync("a.log"))["processed"]);
        Assert.False((await container.GetMetadataAsync("a.log")).ContainsKey("source"));
        Assert.Equal(new Dictionary<string, string>(StringComparer.Ordinal) { ["processed"] = "true", ["rows"] = "42" }, await container.GetTagsAsync("a.log"));
    }

    [Fact]
    public async Task A_read_broken_mid_stream_resumes_from_the_break_with_If_Match()
    {
        var breaker = new BreakOnceStreamPolicy(bytesBeforeBreak: 100_000);
        var container = await azurite.NewContainerAsync(breaker);
        var content = RandomNumberGenerator.GetBytes(700_000);
        await container.UploadAsync("big.log", new MemoryStream(content));

        var read = await ReadAllAsync(container, "big.log");

        Assert.Equal(content, read);
        Assert.Equal(2, breaker.Gets.Count);
        Assert.Equal("bytes=0-", breaker.Gets[0].Range);
        Assert.Null(breaker.Gets[0].IfMatch);
        Assert.Equal("bytes=100000-", breaker.Gets[1].Range);
        Assert.NotNull(breaker.Gets[1].IfMatch);
    }

    [Fact]
    public async Task A_blob_changed_before_the_resume_fails_clearly()
    {
        var breaker = new BreakOnceStreamPolicy(bytesBeforeBreak: 1000);
        var container = await azurite.NewContainerAsync(breaker);
        await container.UploadAsync("big.log", new MemoryStream(RandomNumberGenerator.GetBytes(50_000)));
        await using var stream = await container.OpenReadAsync("big.log");
        var buffer = new byte[1000];
        await stream.ReadExactlyAsync(buffer);

        await container.UploadAsync("big.log", new MemoryStream(RandomNumberGenerator.GetBytes(50_000)));
        var error = await Assert.ThrowsAsync<RequestFailedException>(async () => await stream.ReadExactlyAsync(buffer));

        Assert.Equal(412, error.Status);
        Assert.Contains("ConditionNotMet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_callers_racing_to_create_the_same_blob_if_absent_exactly_one_wins()
    {
        var container = await azurite.NewContainerAsync();
        var racers = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                return (Racer: i, ETag: (ETag?)await container.CreateIfAbsentAsync("state/a.log", Metadata("owner", i.ToString(CultureInfo.InvariantCulture))), Status: 201);
            }
            catch (RequestFailedException e)
            {
                return (Racer: i, ETag: null, e.Status);
            }
        });

        var outcomes = await Task.WhenAll(racers);

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        Assert.All(outcomes.Where(o => o.ETag is null), o => Assert.Equal(409, o.Status));
        var stored = await container.GetPropertiesAsync("state/a.log");
        Assert.Equal(winner.ETag, stored.ETag);
        Assert.Equal(winner.Racer.ToString(CultureInfo.InvariantCulture), stored.Metadata["owner"]);
        Assert.Empty(await ReadAllAsync(container, "state/a.log"));
    }

    [Fact]
    public async Task Metadata_written_on_a_stale_ETag_is_refused_and_leaves_the_newer_write()
    {
        var container = await azurite.NewContainerAsync();
        var created = await container.CreateIfAbsentAsync("state/b.log", Metadata("step", "created"));
        var updated = await container.SetMetadataAsync("state/b.log", Metadata("step", "updated"), created);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => container.SetMetadataAsync("state/b.log", Metadata("step", "stale"), created));

        Assert.NotEqual(created, updated);
        Assert.Equal(412, stale.Status);
        Assert.Contains("ConditionNotMet", stale.Message, StringComparison.Ordinal);
        var stored = await container.GetPropertiesAsync("state/b.log");
        Assert.Equal(updated, stored.ETag);
        Assert.Equal("updated", stored.Metadata["step"]);
    }

    [Fact]
    public async Task A_read_of_a_version_that_was_replaced_fails_instead_of_reading_the_new_one()
    {
        var container = await azurite.NewContainerAsync();
        await container.UploadAsync("c.log", new MemoryStream([1, 2, 3]));
        var seen = (await container.GetPropertiesAsync("c.log")).ETag;
        Assert.Equal([1, 2, 3], await ReadAllAsync(container, "c.log", seen));

        await container.UploadAsync("c.log", new MemoryStream([4, 5, 6]));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => ReadAllAsync(container, "c.log", seen));

        Assert.Equal(412, error.Status);
    }

    private static Dictionary<string, string> Metadata(string key, string value) => new(StringComparer.Ordinal) { [key] = value };

    private static async Task<byte[]> ReadAllAsync(BlobContainerAccess container, string name, ETag? ifMatch = null)
    {
        await using var stream = await container.OpenReadAsync(name, ifMatch);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, 16 * 1024);
        return copy.ToArray();
    }
}

[Collection(AzuriteTests.Name)]
public sealed class BlobDeadLetterStoreTests(AzuriteContainers azurite) : DeadLetterStoreTests
{
    protected override async Task<IDeadLetterStore> CreateStoreAsync() => new BlobDeadLetterStore(await azurite.NewContainerAsync());
}
