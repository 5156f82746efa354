using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Events;

/// <summary>The records of one audit event, in the order they were read.</summary>
public sealed class AuditEvent
{
    private readonly AuditRecord[] _records;

    internal AuditEvent(EventKey key, AuditRecord[] records, PartialReason partial)
    {
        Key = key;
        _records = records;
        Partial = partial;
    }

    /// <summary>Host, time and serial.</summary>
    public EventKey Key { get; }

    /// <summary>The records, in reading order.</summary>
    public IReadOnlyList<AuditRecord> Records => _records;

    /// <summary>The records as a span, for the per-event loops of the mapper (no interface call per record).</summary>
    internal ReadOnlySpan<AuditRecord> RecordSpan => _records;

    /// <summary>Why records may be missing; <see cref="PartialReason.None"/> for a whole event.</summary>
    public PartialReason Partial { get; }

    /// <summary>True when the event may be missing records; rows carry the same EventId so they can be merged.</summary>
    public bool IsPartial => Partial != PartialReason.None;

    /// <summary>The first record of a type, or null.</summary>
    public AuditRecord? Find(int typeNumber)
    {
        foreach (var record in _records)
        {
            if (record.TypeNumber == typeNumber)
            {
                return record;
            }
        }

        return null;
    }

    /// <summary>All records of a type, in order.</summary>
    public IEnumerable<AuditRecord> All(int typeNumber) => _records.Where(r => r.TypeNumber == typeNumber);
}
