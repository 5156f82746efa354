using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The decoded text of a field value for a column, reusing the string of the same value seen before: user, syscall
/// and arch names, comm, exe, terminal, op and keys repeat from event to event, so a hit costs a hash and a compare
/// instead of a decode and a new string that the row keeps alive until it is written. Direct-mapped, one per thread:
/// a slot holds the last value that hashed to it; long values (command lines, titles) are decoded as before.
/// </summary>
internal sealed class ColumnTexts
{
    private const int MaxCachedLength = 64;
    private const int SlotBits = 10;

    [ThreadStatic]
    private static ColumnTexts? t_current;

    private readonly Entry[] _slots = new Entry[1 << SlotBits];

    private ColumnTexts()
    {
    }

    /// <summary>The value decoded as <see cref="AuditField.Text"/> does (null when absent).</summary>
    internal static string? Of(in AuditField field)
    {
        var raw = field.RawValue;
        return field.Kind == FieldKind.Absent || raw.Length > MaxCachedLength ? field.Text : (t_current ??= new()).Cached(field, raw);
    }

    private string? Cached(in AuditField field, ReadOnlySpan<byte> raw)
    {
        // Only hex-encoded values decode differently from their raw bytes; every other kind is its raw bytes as UTF-8.
        var hex = field.Kind == FieldKind.Hex;
        var hash = new HashCode();
        hash.AddBytes(raw);
        hash.Add(hex);
        ref var slot = ref _slots[hash.ToHashCode() & ((1 << SlotBits) - 1)];
        if (slot.Text is not null && slot.Hex == hex && raw.SequenceEqual(slot.Raw))
        {
            return slot.Text;
        }

        var text = field.Text;
        slot = new Entry(raw.ToArray(), hex, text);
        return text;
    }

    private readonly record struct Entry(byte[] Raw, bool Hex, string? Text);
}
