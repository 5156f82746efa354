using AuditSentinel.Azure.Blobs;
using AuditSentinel.TestSupport.Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AuditSentinel.Azure.Tests;

/// <summary>The collection's Azurite, with a fresh container per test.</summary>
public sealed class AzuriteContainers : AzuriteFixture
{
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
public sealed class AzuriteTests : ICollectionFixture<AzuriteContainers>
{
    public const string Name = "Azurite";
}
