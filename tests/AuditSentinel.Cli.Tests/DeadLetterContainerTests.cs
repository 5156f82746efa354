using static AuditSentinel.TestSupport.RowJson;
using AuditSentinel.Azure;
using AuditSentinel.Azure.Blobs;
using AuditSentinel.Cli.Azure;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Azure;
using static AuditSentinel.Cli.Tests.DeliveryRun;

namespace AuditSentinel.Cli.Tests;

/// <summary><c>--dead-letter</c> and <c>replay</c> with a blob container URL, against a real Azurite with bearer-token auth.</summary>
public sealed class DeadLetterContainerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly DeliveryRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Rows_refused_by_the_service_go_to_the_container_and_replay_from_its_URL_delivers_and_removes_them()
    {
        var containerUrl = azurite.Azurite.Container("dead-letter");
        await new BlobContainerAccess(containerUrl, AzuriteBlob.Credential, LoopbackClientOptions.Apply(new BlobAccessOptions())).CreateIfNotExistsAsync();
        var storage = new AzureAccess(AzuriteBlob.Credential, options => LoopbackClientOptions.Apply(options));
        await using var endpoint = await AuditStreams.StartEndpointAsync();
        endpoint.PermanentFault = new IngestionFault(IngestionFaultKind.Forbidden403);
        var inputs = InputResolver.Resolve([RepoPaths.SshIntrusionLog]);
        var expected = await _run.ParsedEventIdsAsync(inputs);

        var (exit, _, errors) = await _run.SendAsync(endpoint, inputs, Access(endpoint), DeadLetterLocation.Open(containerUrl.AbsoluteUri, DeadLetterLocation.DefaultBlobPrefix, _ => storage), containerUrl.AbsoluteUri);

        Assert.Equal(ExitCodes.DeadLettered, exit);
        Assert.Contains(containerUrl.AbsoluteUri, errors, StringComparison.Ordinal);
        var container = DeadLetterLocation.Open(containerUrl.AbsoluteUri, DeadLetterLocation.DefaultBlobPrefix, _ => storage);
        var items = await _run.DeadLettersAsync(container);
        foreach (var table in RowTables)
        {
            Assert.Equal(expected[table], items.Where(i => i.Info.Table == table).SelectMany(i => i.Rows).Select(EventIdOf).ToHashSet(StringComparer.Ordinal));
        }

        endpoint.PermanentFault = null;
        var (replayExit, _, replayErrors) = await _run.ReplayAsync(endpoint, Access(endpoint), container, containerUrl.AbsoluteUri);

        Assert.True(replayExit == 0, replayErrors);
        Assert.Empty(await _run.DeadLettersAsync(container));
        foreach (var table in RowTables)
        {
            Assert.Equal(expected[table], AcceptedEventIds(endpoint, table));
        }
    }
}
