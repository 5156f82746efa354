using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The <see cref="FieldLayout"/> of a record's field names, from a per-thread table keyed by the names' keys: a log has
/// few layouts (each record type and rule writes its names in one order), so nearly every record finds its layout
/// computed already, at the cost of a hash and a compare of its keys instead of a lookup per field. Two layouts per
/// bucket, the newest first, so two frequent layouts that share a bucket (SYSCALL and PATH did in the generated corpus)
/// do not push each other out.
/// </summary>
internal static class FieldLayouts
{
    private const int BucketBits = 8;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    [ThreadStatic]
    private static FieldLayout?[]? t_slots;

    /// <summary>The layout of <paramref name="record"/>'s field names.</summary>
    internal static FieldLayout Of(AuditRecord record)
    {
        var slots = t_slots ??= new FieldLayout?[2 << BucketBits];
        var bucket = (int)(ByteHash.Of(record.NameKeys) * Golden >> ((sizeof(ulong) * 8) - BucketBits)) * 2;
        var first = slots[bucket];
        if (first is not null && first.Fits(record))
        {
            return first;
        }

        var second = slots[bucket + 1];
        if (second is not null && second.Fits(record))
        {
            return second;
        }

        // A layout is never changed once made: the records of an event being mapped may hold the one dropped here.
        var layout = FieldLayout.Of(record);
        slots[bucket + 1] = first;
        slots[bucket] = layout;
        return layout;
    }
}
