using System.Runtime.CompilerServices;
using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// Resolves a field token to the <see cref="MappedName"/> it is, if any, with one multiply and one slot: a table keyed by
/// the name's first 8 bytes (<see cref="FieldToken.KeyOf"/>) whose multiplier is chosen so that no two mapped names
/// share a slot, so an event's fields are classified in one pass without probing.
/// </summary>
internal static class MappedNames
{
    /// <summary>The number of <see cref="MappedName"/> values.</summary>
    internal const int Count = (int)MappedName.EnrichedSaddr + 1;

    private const int SlotBits = 7;

    private static readonly Table Slots = BuildSlots();

    /// <summary>
    /// The lookup table, for a loop over many fields to read once: a NativeAOT build checks that the class is
    /// initialized at every read of a static field, inside the loop too.
    /// </summary>
    internal static Table Lookup => Slots;

    /// <summary>The field name of <paramref name="name"/> as written in a record.</summary>
    internal static ReadOnlySpan<byte> NameOf(MappedName name) => name switch
    {
        MappedName.Success => "success"u8,
        MappedName.Res => "res"u8,
        MappedName.Exit => "exit"u8,
        MappedName.Pid => "pid"u8,
        MappedName.Ppid => "ppid"u8,
        MappedName.Auid => "auid"u8,
        MappedName.Ses => "ses"u8,
        MappedName.Uid => "uid"u8,
        MappedName.Euid => "euid"u8,
        MappedName.Gid => "gid"u8,
        MappedName.Tty => "tty"u8,
        MappedName.Comm => "comm"u8,
        MappedName.Exe => "exe"u8,
        MappedName.Cwd => "cwd"u8,
        MappedName.Cmd => "cmd"u8,
        MappedName.Acct => "acct"u8,
        MappedName.Op => "op"u8,
        MappedName.Terminal => "terminal"u8,
        MappedName.Hostname => "hostname"u8,
        MappedName.Addr => "addr"u8,
        MappedName.Id => "id"u8,
        MappedName.Key => "key"u8,
        MappedName.Syscall => "syscall"u8,
        MappedName.Arch => "arch"u8,
        MappedName.ProcTitle => "proctitle"u8,
        MappedName.Saddr => "saddr"u8,
        MappedName.EnrichedAuid => "AUID"u8,
        MappedName.EnrichedUid => "UID"u8,
        MappedName.EnrichedEuid => "EUID"u8,
        MappedName.EnrichedId => "ID"u8,
        MappedName.EnrichedSyscall => "SYSCALL"u8,
        MappedName.EnrichedArch => "ARCH"u8,
        MappedName.EnrichedSaddr => "SADDR"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>True when <paramref name="name"/> is read from the ENRICHED part of a record.</summary>
    internal static bool IsEnriched(MappedName name) => name >= MappedName.EnrichedAuid;

    private static int SlotOf(ulong key, ulong multiplier) => (int)((key * multiplier) >> (64 - SlotBits));

    // The first odd multiple of the golden ratio's multiplier that gives every mapped name a slot of its own (21 tries
    // for these 33 names in 128 slots). Multiples, not neighbours: a step of 2 hardly moves a short key's top bits.
    private static Table BuildSlots()
    {
        var keys = new ulong[Count];
        for (var id = 0; id < Count; id++)
        {
            keys[id] = FieldToken.KeyOf(NameOf((MappedName)id));
        }

        for (var odd = 1UL; ; odd += 2)
        {
            var multiplier = FibonacciHash.Multiplier * odd;
            var slots = new Entry[1 << SlotBits];
            var id = 0;
            while (id < Count && slots[SlotOf(keys[id], multiplier)].NameLength == 0)
            {
                var name = NameOf((MappedName)id).ToArray();
                slots[SlotOf(keys[id], multiplier)] = new Entry(keys[id], name.Length, name, IsEnriched((MappedName)id), id);
                id++;
            }

            if (id == Count)
            {
                return new Table(slots, multiplier);
            }
        }
    }

    /// <summary>The table of the mapped names.</summary>
    internal readonly struct Table(Entry[] slots, ulong multiplier)
    {
        /// <summary>
        /// True when <paramref name="key"/> is the key of a mapped name (or of an empty slot): <see cref="Of"/> can only
        /// find a name for a field with such a key, and gives -1 for every other field whatever its name's length or part.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal bool HasKey(ulong key) => slots[SlotOf(key, multiplier)].Key == key;

        /// <summary>The mapped name <paramref name="token"/> (whose name key is <paramref name="key"/>) of <paramref name="record"/> is, or -1.</summary>
        // Inlined into the loop over an event's fields, which calls it for every field.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal int Of(AuditRecord record, in FieldToken token, ulong key)
        {
            // An empty slot's key is 0, which only an empty name has, and its length 0 matches no name.
            ref readonly var entry = ref slots[SlotOf(key, multiplier)];

            // Names up to 8 bytes are told apart by key and length alone.
            return entry.Key == key && token.NameLength == entry.NameLength
                && (entry.NameLength <= sizeof(ulong) || record.NameOf(token).SequenceEqual(entry.Name))
                && entry.Enriched == (token.Origin == FieldOrigin.Enriched) ? entry.Id : -1;
        }
    }

    /// <summary>One slot of the table; an empty slot has NameLength 0 (every mapped name has a few letters).</summary>
    internal readonly record struct Entry(ulong Key, int NameLength, byte[]? Name, bool Enriched, int Id);
}
