using AuditSentinel.TestSupport.Azure;

namespace AuditSentinel.Functions.Tests;

/// <summary>One Azurite for the handler tests; each test gets its own containers and endpoint.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteBlob Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteBlob.StartAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class HandlerTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Handler over Azurite";
}
