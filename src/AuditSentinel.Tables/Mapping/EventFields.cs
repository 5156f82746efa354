using System.Diagnostics;
using System.Runtime.CompilerServices;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The fields of an event's records, with a note of which ones a typed column has taken, so that every other field
/// ends in the Fields column and nothing parsed is lost. Renting it finds each record's <see cref="FieldLayout"/>
/// (computed once per layout of names: where each <see cref="MappedName"/> stands), so a take is an index read.
/// One instance per thread is reused from event to event (<see cref="RentEvent"/>, <see cref="Dispose"/>): the
/// records, their layouts, the taken marks (a bitset) and the maps live in reused buffers.
/// </summary>
internal sealed class EventFields : IDisposable
{
    private const int None = FieldLayout.None;

    [ThreadStatic]
    private static EventFields? t_spare;

    private readonly FieldMapBuilder _map = new();
    private AuditRecord[] _records = new AuditRecord[8];
    private int _count;
    private int _primary;

    // Per record: the bit of its first field, the first of a word of _taken (so a record's marks are whole words); the
    // bits of all fields are the indexes of _taken.
    private int[] _firstBit = new int[8];
    private ulong[] _taken = new ulong[16];

    // Per record: where its mapped names stand.
    private FieldLayout[] _layouts = new FieldLayout[8];

    // One bit per mapped name (MappedNames.Count fits a word): the names some field of the event has, and those more
    // than one has (a name held once has no duplicate to take).
    private ulong _names;
    private ulong _repeated;

    private EventFields()
    {
    }

    /// <summary>The record whose fields a take without a record looks at first; the first record until set.</summary>
    internal AuditRecord Primary
    {
        get => _records[_primary];
        set => _primary = IndexOf(value);
    }

    /// <summary>The records, in reading order.</summary>
    internal ReadOnlySpan<AuditRecord> Records => _records.AsSpan(0, _count);

    /// <summary>
    /// The fields of the event's records other than TTY and USER_TTY (each of those is a LinuxTtyInput row of its
    /// own), none taken yet; give it back by disposing it.
    /// </summary>
    internal static EventFields RentEvent(ReadOnlySpan<AuditRecord> records)
    {
        var fields = Spare();
        fields.Reserve(records.Length);
        foreach (var record in records)
        {
            if (record.TypeNumber is not (RecordType.Tty or RecordType.UserTty))
            {
                fields._records[fields._count++] = record;
            }
        }

        fields.Index();
        return fields;
    }

    /// <summary>The fields of one record, none taken yet; give it back by disposing it.</summary>
    internal static EventFields Rent(AuditRecord record)
    {
        var fields = Spare();
        fields._records[fields._count++] = record;
        fields.Index();
        return fields;
    }

    /// <summary>Makes this instance the thread's spare again; it must not be used after.</summary>
    public void Dispose()
    {
        _records.AsSpan(0, _count).Clear();
        _layouts.AsSpan(0, _count).Clear();
        _count = 0;
        _primary = 0;
        t_spare = this;
    }

    /// <summary>
    /// Takes a field of the primary record, else of the first other record that has it, for a column to read with
    /// <see cref="Text(TakenField)"/>, <see cref="Id"/> and the like.
    /// </summary>
    // Inlined into the mapper: a name the event does not hold (two in five of those asked for) costs a bit test.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal TakenField Take(MappedName name) => (_names & Bit(name)) == 0 ? TakenField.Nothing : TakeHeld(name);

    /// <summary>Takes a field of the record <paramref name="sibling"/> (a field taken before) stands in; nothing when none was.</summary>
    internal TakenField TakeBeside(TakenField sibling, MappedName name)
    {
        if (!sibling.Found || First(sibling.Record, name) is not (var f and not None))
        {
            return TakenField.Nothing;
        }

        TakeAt(sibling.Record, f, name);
        return new(sibling.Record, f);
    }

    /// <summary>The decoded text of a taken field; null when none was taken or its value is absent.</summary>
    internal string? Text(TakenField taken) => taken.Found ? ColumnTexts.Of(_records[taken.Record][taken.Field]) : null;

    /// <summary>A taken id (<see cref="FieldNumbers.Id"/>); null when none was taken.</summary>
    internal long? Id(TakenField taken) => taken.Found ? FieldNumbers.Id(_records[taken.Record][taken.Field]) : null;

    /// <summary>A taken 32-bit number (<see cref="FieldNumbers.Int32"/>); null when none was taken.</summary>
    internal int? Int32(TakenField taken) => taken.Found ? FieldNumbers.Int32(_records[taken.Record][taken.Field]) : null;

    /// <summary>A taken signed number (<see cref="FieldNumbers.Number"/>); null when none was taken.</summary>
    internal long? Number(TakenField taken) => taken.Found ? FieldNumbers.Number(_records[taken.Record][taken.Field]) : null;

    /// <summary>A taken ENRICHED user or group name (<see cref="FieldNumbers.Name"/>); null when none was taken.</summary>
    internal string? Name(TakenField taken) => taken.Found ? FieldNumbers.Name(_records[taken.Record][taken.Field]) : null;

    /// <summary>Takes a field of the primary record, else of the first other record that has it.</summary>
    internal bool TryTake(MappedName name, out AuditField field) => TryTake(name, out field, out _);

    /// <summary>Takes a field of the primary record, else of the first other record that has it, and says which record had it.</summary>
    internal bool TryTake(MappedName name, out AuditField field, out AuditRecord owner)
    {
        // Many names a row asks for are in none of the event's records: noted when indexed, so no record is looked at.
        // Most that are asked for are the primary record's.
        if ((_names & Bit(name)) != 0)
        {
            var r = _primary;
            var f = First(r, name);
            if (f == None)
            {
                (r, f) = OtherHolder(name);
            }

            owner = _records[r];
            Take(r, f, name, out field);
            return true;
        }

        owner = Primary;
        field = default;
        return false;
    }

    // Takes the field of a name the event holds (its names say so): the primary record's, most are, else the first
    // other record's.
    private TakenField TakeHeld(MappedName name)
    {
        var r = _primary;
        var f = First(r, name);
        if (f == None)
        {
            (r, f) = OtherHolder(name);
        }

        TakeAt(r, f, name);
        return new(r, f);
    }

    // The first record other than the primary that has the name (one does: the event's names say so), and its field.
    private (int Record, int Field) OtherHolder(MappedName name)
    {
        for (var r = 0; r < _count; r++)
        {
            if (r != _primary && First(r, name) is var f and not None)
            {
                return (r, f);
            }
        }

        throw new UnreachableException($"No record has {name}, though the event's names have it.");
    }

    /// <summary>Takes a field of <paramref name="record"/> only.</summary>
    internal bool TryTake(AuditRecord record, MappedName name, out AuditField field)
    {
        var r = IndexOf(record);
        var f = First(r, name);
        if (f == None)
        {
            field = default;
            return false;
        }

        Take(r, f, name, out field);
        return true;
    }

    /// <summary>Finds a field of <paramref name="record"/> without taking it.</summary>
    internal bool TryFind(AuditRecord record, MappedName name, out AuditField field)
    {
        var f = First(IndexOf(record), name);
        field = f == None ? default : record[f];
        return f != None;
    }

    /// <summary>The decoded text of a taken field (primary first), or null.</summary>
    internal string? Text(MappedName name) => Text(Take(name));

    /// <summary>Marks every field of <paramref name="record"/> taken (its content went to a column whole).</summary>
    internal void TakeAll(AuditRecord record)
    {
        // A record's marks are whole words: all set, past its last field too, where no field reads them.
        _taken.AsSpan(_firstBit[IndexOf(record)] / 64, Words(record.FieldCount)).Fill(ulong.MaxValue);
    }

    /// <summary>Marks the body (or the ENRICHED) fields of <paramref name="record"/> taken.</summary>
    internal void TakeAll(AuditRecord record, FieldOrigin origin)
    {
        var r = IndexOf(record);
        var enriched = origin == FieldOrigin.Enriched;
        var tokens = record.Tokens;
        for (var f = 0; f < tokens.Length; f++)
        {
            if ((tokens[f].Origin == FieldOrigin.Enriched) == enriched)
            {
                Mark(r, f);
            }
        }
    }

    /// <summary>Every field of <paramref name="record"/> with a value, as a map (a repeated name is kept).</summary>
    internal FieldMap AllFields(AuditRecord record)
    {
        _map.Clear();
        _map.AddAll(record);
        return _map.Build();
    }

    /// <summary>The fields no column took, as a map: a repeated name with a new value gets _2, _3, ...</summary>
    internal FieldMap? Remaining()
    {
        _map.Clear();
        for (var r = 0; r < _count; r++)
        {
            var record = _records[r];
            _map.AddDistinct(record, _taken.AsSpan(_firstBit[r] / 64, Words(record.FieldCount)));
        }

        return _map.IsEmpty ? null : _map.Build();
    }

    private static EventFields Spare()
    {
        var fields = t_spare ?? new EventFields();
        t_spare = null;
        return fields;
    }

    private void Reserve(int records)
    {
        if (_records.Length < records)
        {
            var size = Math.Max(records, _records.Length * 2);
            _records = new AuditRecord[size];
            _firstBit = new int[size];
            _layouts = new FieldLayout[size];
        }
    }

    // Finds the layout of every record, none taken.
    private void Index()
    {
        var bits = 0;
        for (var r = 0; r < _count; r++)
        {
            _firstBit[r] = bits;
            bits += Words(_records[r].FieldCount) * 64;
        }

        var words = bits / 64;
        if (_taken.Length < words)
        {
            _taken = new ulong[Math.Max(words, _taken.Length * 2)];
        }

        _taken.AsSpan(0, words).Clear();
        _names = 0;
        _repeated = 0;
        for (var r = 0; r < _count; r++)
        {
            var layout = FieldLayouts.Of(_records[r]);
            _layouts[r] = layout;
            _repeated |= layout.Repeated | (_names & layout.Names);
            _names |= layout.Names;
        }
    }

    private static int Words(int fields) => (fields + 63) / 64;

    private int First(int r, MappedName name) => _layouts[r].First(name);

    private static ulong Bit(MappedName name) => 1UL << (int)name;

    // Read into the caller's field: a returned AuditField was copied once more on its way there. Inlined into the takes:
    // the call and its frame were a third of a take.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Take(int r, int f, MappedName name, out AuditField field)
    {
        TakeAt(r, f, name);
        field = _records[r][f];
    }

    // Marks field f of record r taken, with its duplicates.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TakeAt(int r, int f, MappedName name)
    {
        Mark(r, f);
        if (_count > 1 && (_repeated & Bit(name)) != 0)
        {
            TakeDuplicates(name, _records[r][f].RawValue);
        }
    }

    // Taking a field also takes the same name with the same value in the other records (auid= repeated by
    // CONFIG_CHANGE and SYSCALL), so Fields does not repeat what a column already holds.
    private void TakeDuplicates(MappedName name, ReadOnlySpan<byte> rawValue)
    {
        for (var r = 0; r < _count; r++)
        {
            var layout = _layouts[r];
            for (var f = layout.First(name); f != None; f = layout.Next(f))
            {
                if (!IsTaken(r, f) && _records[r][f].RawValue.SequenceEqual(rawValue))
                {
                    Mark(r, f);
                }
            }
        }
    }

    // Both run once or more for every field of every event, and are a few instructions: inlined.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsTaken(int r, int f)
    {
        var bit = _firstBit[r] + f;
        return (_taken[bit >> 6] & (1UL << bit)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mark(int r, int f)
    {
        var bit = _firstBit[r] + f;
        _taken[bit >> 6] |= 1UL << bit;
    }

    private int IndexOf(AuditRecord record)
    {
        for (var r = 0; r < _count; r++)
        {
            if (ReferenceEquals(_records[r], record))
            {
                return r;
            }
        }

        throw new ArgumentException("The record is not part of this event.", nameof(record));
    }
}
