using System.Runtime.CompilerServices;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// Resolves a field token to the <see cref="MappedName"/> it is, if any, with one multiply and usually one compare: an
/// open-addressing table keyed by the name's first 8 bytes (<see cref="FieldToken.KeyOf"/>), so an event's fields are
/// classified in one pass.
/// </summary>
internal static class MappedNames
{
    /// <summary>The number of <see cref="MappedName"/> values.</summary>
    internal const int Count = (int)MappedName.EnrichedSaddr + 1;

    private const int SlotBits = 7;
    private const int SlotMask = (1 << SlotBits) - 1;

    private static readonly Entry[] Slots = BuildSlots();

    /// <summary>
    /// The lookup table, for a loop over many fields to read once: a NativeAOT build checks that the class is
    /// initialized at every read of a static field, inside the loop too.
    /// </summary>
    internal static Table Lookup => new(Slots);

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

    private static int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));

    private static Entry[] BuildSlots()
    {
        var slots = new Entry[1 << SlotBits];
        for (var id = 0; id < Count; id++)
        {
            var name = NameOf((MappedName)id).ToArray();
            var key = FieldToken.KeyOf(name);
            var slot = SlotOf(key);
            while (slots[slot].NameLength != 0)
            {
                slot = (slot + 1) & SlotMask;
            }

            slots[slot] = new Entry(key, name.Length, name, IsEnriched((MappedName)id), id);
        }

        return slots;
    }

    /// <summary>The open-addressing table of the mapped names.</summary>
    internal readonly struct Table(Entry[] slots)
    {
        /// <summary>The mapped name <paramref name="token"/> (whose name key is <paramref name="key"/>) of <paramref name="record"/> is, or -1.</summary>
        // Inlined into the loop over an event's fields, which calls it for every field.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal int Of(AuditRecord record, in FieldToken token, ulong key)
        {
            for (var slot = SlotOf(key); ; slot = (slot + 1) & SlotMask)
            {
                ref readonly var entry = ref slots[slot];
                if (entry.NameLength == 0)
                {
                    return -1;
                }

                // Names up to 8 bytes are told apart by key and length alone.
                if (entry.Key == key && token.NameLength == entry.NameLength
                    && (entry.NameLength <= sizeof(ulong) || record.NameOf(token).SequenceEqual(entry.Name)))
                {
                    return entry.Enriched == (token.Origin == FieldOrigin.Enriched) ? entry.Id : -1;
                }
            }
        }
    }

    /// <summary>One slot of the table; an empty slot has NameLength 0 (every mapped name has a few letters).</summary>
    internal readonly record struct Entry(ulong Key, int NameLength, byte[]? Name, bool Enriched, int Id);
}
