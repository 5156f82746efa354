using System.Runtime.CompilerServices;
using System.Text;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// The fields auparse types as escaped (auparse/typetab.h): the kernel hex-encodes them when they hold a space, a
/// quote, a control byte or a byte above 0x7E, and quotes them otherwise. Looked up by the name's 8-byte key
/// (<see cref="FieldToken.KeyOf"/>), which the tokenizer has already computed, in a table read-only after start-up.
/// </summary>
internal static class EscapedFieldNames
{
    private const int SlotCount = 128;
    private const int SlotMask = SlotCount - 1;

    private static readonly string[] Names =
    [
        "sw", "exe", "cwd", "cmd", "dir", "key", "grp", "comm", "path", "name", "file", "acct", "data", "info", "watch",
        "ocomm", "device", "cgroup", "old-fs", "new-fs", "profile", "old-net", "new-net", "old-rng", "new-rng", "apparmor",
        "old-disk", "new-disk", "root_dir", "operation", "proctitle", "new_group", "denied_mask", "old-chardev",
        "new-chardev", "requested_mask", "invalid_context",
    ];

    private static readonly Entry[] Slots = Build();

    /// <summary>True when <paramref name="name"/>, whose key is <paramref name="key"/>, is an escaped field.</summary>
    /// <remarks>
    /// Inlined: the tokenizer's fast loop asks for every bare value that looks like hex, and the call cost about as much
    /// as the lookup. The table is read into a local once (NativeAOT checks the class's static base on every read).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Contains(ReadOnlySpan<byte> name, ulong key)
    {
        var slots = Slots;
        for (var slot = SlotOf(key); slots[slot].Name is { } entry; slot = (slot + 1) & SlotMask)
        {
            // Equal keys and lengths are equal names up to 8 bytes; only longer ones need the rest compared.
            if (slots[slot].Key == key && name.Length == entry.Length && (name.Length <= sizeof(ulong) || name.SequenceEqual(entry)))
            {
                return true;
            }
        }

        return false;
    }

    // Inlined into the inlined lookup: NativeAOT called it, about a tenth of the lookup's cost in the tokenizer's loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(ulong key) => FibonacciHash.TopBits(key, 7) & SlotMask;

    private static Entry[] Build()
    {
        var slots = new Entry[SlotCount];
        foreach (var name in Names)
        {
            var bytes = Encoding.ASCII.GetBytes(name);
            var key = FieldToken.KeyOf(bytes);
            var slot = SlotOf(key);
            while (slots[slot].Name is not null)
            {
                slot = (slot + 1) & SlotMask;
            }

            slots[slot] = new Entry(key, bytes);
        }

        return slots;
    }

    private readonly record struct Entry(ulong Key, byte[]? Name);
}
