using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The <see cref="FieldLayout"/> of a record's field names, from a per-thread table keyed by the names' keys: a log has
/// few layouts (each record type and rule writes its names in one order), so nearly every record finds its layout
/// computed already, at the cost of a hash and a compare of its keys instead of a lookup per field. Two layouts per
/// bucket, the newest first, so two frequent layouts that share a bucket (SYSCALL and PATH did in the generated corpus)
/// do not push each other out. Before the table, the last layout of the record's type is tried: most records of a type
/// (SYSCALL, PATH, CWD, PROCTITLE) carry one layout, so they are matched without hashing their keys. Only layouts of up
/// to <see cref="MostFieldsKept"/> fields are kept, so the tables hold a bounded amount whatever the input.
/// </summary>
internal static class FieldLayouts
{
    private const int BucketBits = 8;

    // A layout costs 12 to 28 bytes per field: kept, the layouts of crafted lines of a megabyte each would pin gigabytes.
    // Real records have a few dozen fields; a longer one (an EXECVE of many arguments) seldom repeats its layout anyway.
    private const int MostFieldsKept = 128;

    // Last layouts by record type, direct-mapped by the type number's low bits (a slot shared by two types is a miss).
    private const int TypeSlots = 256;

    [ThreadStatic]
    private static FieldLayout?[]? t_slots;

    [ThreadStatic]
    private static FieldLayout?[]? t_lastOfType;

    /// <summary>The layout of <paramref name="record"/>'s field names.</summary>
    internal static FieldLayout Of(AuditRecord record)
    {
        if (record.NameKeys.Length > MostFieldsKept)
        {
            return FieldLayout.Of(record);
        }

        ref var lastOfType = ref (t_lastOfType ??= new FieldLayout?[TypeSlots])[record.TypeNumber & (TypeSlots - 1)];
        if (lastOfType is not null && lastOfType.Fits(record))
        {
            return lastOfType;
        }

        lastOfType = OfKeys(record);
        return lastOfType;
    }

    // The layout found by the hash of the record's keys, made when the table has none.
    private static FieldLayout OfKeys(AuditRecord record)
    {
        var slots = t_slots ??= new FieldLayout?[2 << BucketBits];
        var bucket = FibonacciHash.TopBits(ByteHash.Of(record.NameKeys), BucketBits) * 2;
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
