using AuditSentinel.TestSupport.Azure;

namespace AuditSentinel.Functions.Tests;

[CollectionDefinition(Name)]
public sealed class HandlerTests : ICollectionFixture<AzuriteFixture> // one Azurite for the handler tests
{
    public const string Name = "Handler over Azurite";
}
