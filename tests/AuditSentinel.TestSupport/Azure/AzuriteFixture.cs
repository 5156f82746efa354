using Xunit;

namespace AuditSentinel.TestSupport.Azure;

/// <summary>One Azurite per test collection; each test makes its own containers in it.</summary>
public class AzuriteFixture : IAsyncLifetime
{
    public AzuriteBlob Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteBlob.StartAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();
}
