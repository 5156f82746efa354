using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Events;

/// <summary>
/// An event still taking records. The assembler reuses these once emitted (only the records, copied out, escape), and
/// links them in arrival order itself, so an event costs no node or holder objects.
/// </summary>
internal sealed class OpenEvent
{
    public EventKey Key { get; private set; }

    /// <summary>True when an event of the same key was already emitted.</summary>
    public bool Late { get; private set; }

    /// <summary>False once emitted, until reused.</summary>
    public bool IsOpen { get; private set; }

    public List<AuditRecord> Records { get; } = new(8);

    /// <summary>What the records hold in memory (<see cref="AuditRecord.RetainedBytes"/>).</summary>
    public long Bytes { get; private set; }

    public OpenEvent? Previous { get; set; }

    public OpenEvent? Next { get; set; }

    public void Open(EventKey key, bool late)
    {
        Key = key;
        Late = late;
        IsOpen = true;
        Records.Clear();
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

    /// <summary>Hands the records over in an array of their own and marks the event closed for reuse.</summary>
    public AuditRecord[] Close()
    {
        var records = Records.ToArray();
        Records.Clear();
        IsOpen = false;
        return records;
    }
}
