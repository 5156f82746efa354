using System.Collections.Concurrent;
using AuditSentinel.Parsing.Events;

namespace AuditSentinel.Functions.EventHubs;

/// <summary>
/// The events each partition's last batch cut at its end, kept in memory so the next batch of the same partition
/// flags their remaining records as partial too. Only a batch that directly follows (its first sequence number is
/// the last one plus one) takes them over; after a gap, a replay or a move of the partition to another instance
/// the rest of a split event is a row that looks whole, and the parser function still merges it by EventId.
/// </summary>
public sealed class PartitionContinuations
{
    private readonly ConcurrentDictionary<string, Cut> _byPartition = new(StringComparer.Ordinal);

    /// <summary>The events cut just before <paramref name="firstSequenceNumber"/> on this partition, if any.</summary>
    public IReadOnlyList<EventKey> Before(string eventHub, string partition, long? firstSequenceNumber) =>
        firstSequenceNumber is { } first && _byPartition.TryGetValue(Key(eventHub, partition), out var cut) && cut.LastSequenceNumber + 1 == first
            ? cut.Events
            : [];

    /// <summary>Keeps the events a delivered batch ending at <paramref name="lastSequenceNumber"/> cut.</summary>
    public void After(string eventHub, string partition, long? lastSequenceNumber, IReadOnlyList<EventKey> cutEvents)
    {
        if (lastSequenceNumber is { } last)
        {
            _byPartition[Key(eventHub, partition)] = new Cut(last, [.. cutEvents]);
        }
    }

    private static string Key(string eventHub, string partition) => eventHub + "/" + partition;

    private sealed record Cut(long LastSequenceNumber, IReadOnlyList<EventKey> Events);
}
