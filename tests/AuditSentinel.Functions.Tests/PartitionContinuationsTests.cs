using AuditSentinel.Functions.EventHubs;
using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Events;

namespace AuditSentinel.Functions.Tests;

public sealed class PartitionContinuationsTests
{
    private static readonly EventKey Cut = new("vm", new AuditTimestamp(1795333530, 773), 4165);

    [Fact]
    public void Only_the_directly_following_batch_of_the_same_partition_continues_the_cut_events()
    {
        var continuations = new PartitionContinuations();
        continuations.After("audit-lines", "0", lastSequenceNumber: 99, [Cut]);

        Assert.Equal([Cut], continuations.Before("audit-lines", "0", 100));
        Assert.Empty(continuations.Before("audit-lines", "0", 150));
        Assert.Empty(continuations.Before("audit-lines", "1", 100));
        Assert.Empty(continuations.Before("other-hub", "0", 100));
    }
}
