using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Events;

/// <summary>
/// An event still taking records or, once emitted, the assembler's memory of its key (<see cref="Remembered"/>). The
/// assembler reuses these once forgotten (only the records, copied out, escape), and links the open ones in arrival
/// order itself, so an event costs no node or holder objects.
/// </summary>
internal sealed class OpenEvent
{
    public EventKey Key { get; private set; }

    /// <summary>True when an event of the same key was already emitted.</summary>
    public bool Late { get; private set; }

    /// <summary>False once emitted, until reused.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>True while the key is among the recently emitted ones the assembler remembers.</summary>
    public bool Remembered { get; set; }

    public List<AuditRecord> Records { get; } = new(8);

    /// <summary>What the records hold in memory (<see cref="AuditRecord.RetainedBytes"/>).</summary>
    public long Bytes { get; private set; }

    public OpenEvent? Previous { get; set; }

    public OpenEvent? Next { get; set; }

    /// <summary>Opens the event for <paramref name="key"/>: a new one, or again for a late record of a remembered key.</summary>
    public void Open(EventKey key, bool late)
    {
        Key = key;
        Late = late;
        IsOpen = true;
        Records.Clear();
        Bytes = 0;
    }

    /// <summary>Makes a spare one the closed entry of an event emitted elsewhere.</summary>
    public void KeepClosed(EventKey key)
    {
        Open(key, late: false);
        IsOpen = false;
    }

    /// <summary>Adds a record and returns what it holds in memory.</summary>
    public int Add(AuditRecord record)
    {
        var bytes = record.RetainedBytes;
        Records.Add(record);
        Bytes += bytes;
        return bytes;
    }

    /// <summary>The most room for records a closed event keeps: far more than a real event has.</summary>
    internal const int KeptRecordRoom = 64;

    /// <summary>Hands the records over in an array of their own and marks the event closed for reuse.</summary>
    public AuditRecord[] Close()
    {
        var records = Records.ToArray();
        Records.Clear();
        // A closed event stays as the memory of its key while the next thousand events are emitted: the room a crafted
        // event of many records grew is let go rather than kept with it.
        if (Records.Capacity > KeptRecordRoom)
        {
            Records.Capacity = KeptRecordRoom;
        }

        IsOpen = false;
        return records;
    }
}
