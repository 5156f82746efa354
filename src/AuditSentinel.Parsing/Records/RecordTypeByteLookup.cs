using System.Runtime.CompilerServices;
using System.Text;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// Finds a known record type from the bytes of its name (<c>SYSCALL</c>) without making a string: an open-addressing
/// table over libaudit's names, hashed on the name's first and last 8 bytes. Read-only after start-up, so thread-safe.
/// </summary>
internal static class RecordTypeByteLookup
{
    // A power of two, at least four times the names, so probes stay short.
    private const int SlotCount = 1024;
    private const int SlotMask = SlotCount - 1;

    private static readonly Entry?[] Slots = Build();

    /// <summary>Finds <paramref name="name"/> (case-sensitive, as libaudit names types).</summary>
    /// <param name="name">The type name as written after <c>type=</c>.</param>
    /// <param name="number">The type number.</param>
    /// <param name="canonicalName">The name <see cref="RecordType.NameOf"/> gives that number.</param>
    internal static bool TryFind(ReadOnlySpan<byte> name, out int number, out string canonicalName)
    {
        var (head, tail) = KeysOf(name);
        return TryFind(name, head, tail, out number, out canonicalName);
    }

    /// <summary>
    /// <see cref="TryFind(ReadOnlySpan{byte}, out int, out string)"/> for a caller that read the name's keys itself:
    /// <see cref="FieldToken.KeyOf"/> of its first 8 bytes and of its last 8 (0 for a name of 8 bytes or less).
    /// </summary>
    internal static bool TryFind(ReadOnlySpan<byte> name, ulong head, ulong tail, out int number, out string canonicalName)
    {
        for (var slot = SlotOf(head, tail, name.Length); Slots[slot] is { } entry; slot = (slot + 1) & SlotMask)
        {
            // The first and last 8 bytes and the length are the whole name up to 16 bytes; only longer ones are compared.
            if (entry.Head == head && entry.Tail == tail && entry.Name.Length == name.Length
                && (name.Length <= 2 * sizeof(ulong) || name.SequenceEqual(entry.Name)))
            {
                number = entry.Number;
                canonicalName = entry.CanonicalName;
                return true;
            }
        }

        number = 0;
        canonicalName = string.Empty;
        return false;
    }

    private static (ulong Head, ulong Tail) KeysOf(ReadOnlySpan<byte> name) =>
        (FieldToken.KeyOf(name), FieldToken.KeyOf(name.Length > sizeof(ulong) ? name[^sizeof(ulong)..] : []));

    // Inlined: NativeAOT called it for every line's type.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(ulong head, ulong tail, int length)
    {
        var hash = (head * FibonacciHash.Multiplier) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)length;
        return (int)(hash >> 54) & SlotMask;
    }

    private static Entry?[] Build()
    {
        var slots = new Entry?[SlotCount];
        foreach (var (number, name) in RecordTypeNames.All)
        {
            var bytes = Encoding.ASCII.GetBytes(name);
            var (head, tail) = KeysOf(bytes);
            var slot = SlotOf(head, tail, bytes.Length);
            while (slots[slot] is not null)
            {
                slot = (slot + 1) & SlotMask;
            }

            slots[slot] = new Entry(bytes, head, tail, number, RecordType.NameOf(number));
        }

        return slots;
    }

    private sealed record Entry(byte[] Name, ulong Head, ulong Tail, int Number, string CanonicalName);
}
