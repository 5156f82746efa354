using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The RecordTypes column of an event, one array shared by every event of the same record types in the same order:
/// events repeat a handful of shapes (SYSCALL, EXECVE, CWD, PATH, PROCTITLE), so a hit costs a hash and a compare
/// instead of an array that the row keeps alive until it is written. The arrays are never written to after they are
/// made. Direct-mapped, one per thread, like <see cref="ColumnTexts"/>; long events get their own array.
/// </summary>
internal sealed class RecordTypeLists
{
    private const int MaxCachedRecords = 16;
    private const int SlotBits = 8;

    [ThreadStatic]
    private static RecordTypeLists? t_current;

    private readonly string[]?[] _slots = new string[]?[1 << SlotBits];

    private RecordTypeLists()
    {
    }

    /// <summary>The type names of <paramref name="records"/> in order.</summary>
    internal static string[] Of(ReadOnlySpan<AuditRecord> records) =>
        records.Length > MaxCachedRecords ? Names(records) : (t_current ??= new()).Cached(records);

    private static string[] Names(ReadOnlySpan<AuditRecord> records)
    {
        var types = new string[records.Length];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = records[i].TypeName;
        }

        return types;
    }

    private static bool SameTypes(string[] types, ReadOnlySpan<AuditRecord> records)
    {
        if (types.Length != records.Length)
        {
            return false;
        }

        for (var i = 0; i < types.Length; i++)
        {
            // The parser hands out one string per known type, so the reference nearly always answers.
            var name = records[i].TypeName;
            if (!ReferenceEquals(types[i], name) && !string.Equals(types[i], name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private string[] Cached(ReadOnlySpan<AuditRecord> records)
    {
        // A collision costs no more than a new array (the slot is replaced), so a plain multiplicative hash will do.
        var hash = 0UL;
        foreach (var record in records)
        {
            hash = (hash + (uint)record.TypeNumber) * FibonacciHash.Multiplier;
        }

        ref var slot = ref _slots[(int)(hash >> ((sizeof(ulong) * 8) - SlotBits))];
        if (slot is not null && SameTypes(slot, records))
        {
            return slot;
        }

        slot = Names(records);
        return slot;
    }
}
