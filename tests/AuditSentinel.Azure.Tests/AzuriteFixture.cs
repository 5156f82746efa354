using AuditSentinel.Azure.Blobs;
using AuditSentinel.TestSupport.Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AuditSentinel.Azure.Tests;

/// <summary>One Azurite for the test collection; each test gets its own container.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteBlob Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteBlob.StartAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();

    public async Task<BlobContainerAccess> NewContainerAsync(params HttpPipelinePolicy[] policies)
    {
        var options = new BlobAccessOptions { Transport = LoopbackTls.CreateTransport(), BlockSize = 256 * 1024 };
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        foreach (var policy in policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        var container = new BlobContainerAccess(Azurite.Container("c" + Guid.NewGuid().ToString("N")), AzuriteBlob.Credential, options);
        await container.CreateIfNotExistsAsync();
        return container;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
