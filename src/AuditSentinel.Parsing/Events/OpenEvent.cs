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

    private List<AuditRecord>? _records;

    /// <summary>The records an open event took so far; a closed one holds no list (it went back to the assembler).</summary>
    public List<AuditRecord> Records => _records ?? throw new InvalidOperationException("A closed event holds no records.");

    /// <summary>What the records hold in memory (<see cref="AuditRecord.RetainedBytes"/>).</summary>
    public long Bytes { get; private set; }

    public OpenEvent? Previous { get; set; }

    public OpenEvent? Next { get; set; }

    /// <summary>Opens the event for <paramref name="key"/>: a new one, or again for a late record of a remembered key.</summary>
    /// <param name="key">The event's key.</param>
    /// <param name="late">True when an event of the key was already emitted.</param>
    /// <param name="room">An empty list for its records.</param>
    public void Open(EventKey key, bool late, List<AuditRecord> room) => Reset(key, late, room);

    /// <summary>Makes a spare one the closed entry of an event emitted elsewhere.</summary>
    public void KeepClosed(EventKey key) => Reset(key, late: false, records: null);

    // Open with a list for records, closed without one.
    private void Reset(EventKey key, bool late, List<AuditRecord>? records)
    {
        Key = key;
        Late = late;
        IsOpen = records is not null;
        _records = records;
        Bytes = 0;
    }

    /// <summary>Adds a record and returns what it holds in memory.</summary>
    public int Add(AuditRecord record)
    {
        var bytes = record.RetainedBytes;
        Records.Add(record);
        Bytes += bytes;
        return bytes;
    }

    /// <summary>The most room for records a list given back keeps: far more than a real event has.</summary>
    internal const int KeptRecordRoom = 64;

    /// <summary>
    /// Hands the records over in an array of their own, marks the event closed and gives its list back, emptied, for
    /// the next event to open: a closed event stays as the memory of its key for the next thousand events, and holds
    /// no list meanwhile.
    /// </summary>
    public AuditRecord[] Close(out List<AuditRecord> room)
    {
        room = Records;
        var records = room.ToArray();
        room.Clear();
        // The room a crafted event of many records grew is let go rather than kept in the assembler's spare lists.
        if (room.Capacity > KeptRecordRoom)
        {
            room.Capacity = KeptRecordRoom;
        }

        _records = null;
        IsOpen = false;
        return records;
    }
}
