using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The fields of an event's records, with a note of which ones a typed column has taken, so that every other field
/// ends in the Fields column and nothing parsed is lost. One instance per thread is reused from event to event
/// (<see cref="Rent"/>, <see cref="Dispose"/>): the taken marks are a bitset, the maps are built in reused buffers.
/// </summary>
internal sealed class EventFields : IDisposable
{
    [ThreadStatic]
    private static EventFields? t_spare;

    private readonly FieldMapBuilder _map = new();
    private IReadOnlyList<AuditRecord> _records = [];
    private int[] _firstBit = new int[16];
    private ulong[] _taken = new ulong[16];

    private EventFields()
    {
    }

    internal AuditRecord Primary { get; private set; } = null!;

    internal IReadOnlyList<AuditRecord> Records => _records;

    /// <summary>The fields of <paramref name="records"/>, none taken yet; give it back by disposing it.</summary>
    internal static EventFields Rent(IReadOnlyList<AuditRecord> records, AuditRecord primary)
    {
        var fields = t_spare ?? new EventFields();
        t_spare = null;
        fields.Reset(records, primary);
        return fields;
    }

    /// <summary>Makes this instance the thread's spare again; it must not be used after.</summary>
    public void Dispose()
    {
        _records = [];
        Primary = null!;
        t_spare = this;
    }

    /// <summary>Takes a body field of the primary record, else of the first other record that has it.</summary>
    internal bool TryTake(ReadOnlySpan<byte> name, out AuditField field) => TryTake(name, out field, out _);

    /// <summary>Takes a body field of the primary record, else of the first other record that has it, and says which record had it.</summary>
    internal bool TryTake(ReadOnlySpan<byte> name, out AuditField field, out AuditRecord owner)
    {
        owner = Primary;
        if (TryTake(Primary, name, enriched: false, out field))
        {
            return true;
        }

        for (var r = 0; r < _records.Count; r++)
        {
            var record = _records[r];
            if (!ReferenceEquals(record, Primary) && TryTake(record, name, enriched: false, out field))
            {
                owner = record;
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes a body field of <paramref name="record"/> only.</summary>
    internal bool TryTake(AuditRecord record, ReadOnlySpan<byte> name, out AuditField field) =>
        TryTake(record, name, enriched: false, out field);

    /// <summary>Takes an ENRICHED field of <paramref name="record"/>.</summary>
    internal bool TryTakeEnriched(AuditRecord record, ReadOnlySpan<byte> name, out AuditField field) =>
        TryTake(record, name, enriched: true, out field);

    /// <summary>The decoded text of a taken body field (primary first), or null.</summary>
    internal string? Text(ReadOnlySpan<byte> name) => TryTake(name, out var field) ? field.Text : null;

    /// <summary>Marks every field of <paramref name="record"/> taken (its content went to a column whole).</summary>
    internal void TakeAll(AuditRecord record)
    {
        var r = IndexOf(record);
        for (var f = 0; f < record.FieldCount; f++)
        {
            Take(r, f);
        }
    }

    /// <summary>Marks the body (or the ENRICHED) fields of <paramref name="record"/> taken.</summary>
    internal void TakeAll(AuditRecord record, FieldOrigin origin)
    {
        var r = IndexOf(record);
        var enriched = origin == FieldOrigin.Enriched;
        for (var f = 0; f < record.FieldCount; f++)
        {
            if ((record[f].Origin == FieldOrigin.Enriched) == enriched)
            {
                Take(r, f);
            }
        }
    }

    /// <summary>Every field of <paramref name="record"/> with a value, as a map (a repeated name is kept).</summary>
    internal FieldMap AllFields(AuditRecord record)
    {
        _map.Clear();
        for (var f = 0; f < record.FieldCount; f++)
        {
            _map.Add(record[f]);
        }

        return _map.Build();
    }

    /// <summary>The fields no column took, as a map: a repeated name with a new value gets _2, _3, ...</summary>
    internal FieldMap? Remaining()
    {
        _map.Clear();
        for (var r = 0; r < _records.Count; r++)
        {
            var record = _records[r];
            for (var f = 0; f < record.FieldCount; f++)
            {
                if (!IsTaken(r, f))
                {
                    _map.AddDistinct(record[f]);
                }
            }
        }

        return _map.IsEmpty ? null : _map.Build();
    }

    private void Reset(IReadOnlyList<AuditRecord> records, AuditRecord primary)
    {
        _records = records;
        Primary = primary;
        if (_firstBit.Length < records.Count)
        {
            _firstBit = new int[Math.Max(records.Count, _firstBit.Length * 2)];
        }

        var bits = 0;
        for (var r = 0; r < records.Count; r++)
        {
            _firstBit[r] = bits;
            bits += records[r].FieldCount;
        }

        var words = (bits + 63) / 64;
        if (_taken.Length < words)
        {
            _taken = new ulong[Math.Max(words, _taken.Length * 2)];
        }

        _taken.AsSpan(0, words).Clear();
    }

    private bool IsTaken(int r, int f)
    {
        var bit = _firstBit[r] + f;
        return (_taken[bit >> 6] & (1UL << bit)) != 0;
    }

    private void Take(int r, int f)
    {
        var bit = _firstBit[r] + f;
        _taken[bit >> 6] |= 1UL << bit;
    }

    private bool TryTake(AuditRecord record, ReadOnlySpan<byte> name, bool enriched, out AuditField field)
    {
        var f = record.IndexOf(name, enriched);
        if (f < 0)
        {
            field = default;
            return false;
        }

        Take(IndexOf(record), f);
        field = record[f];
        if (_records.Count > 1)
        {
            TakeDuplicates(name, field.RawValue, enriched);
        }

        return true;
    }

    // Taking a field also takes the same name with the same value in the other records (auid= repeated by
    // CONFIG_CHANGE and SYSCALL), so Fields does not repeat what a column already holds.
    private void TakeDuplicates(ReadOnlySpan<byte> name, ReadOnlySpan<byte> rawValue, bool enriched)
    {
        for (var r = 0; r < _records.Count; r++)
        {
            var record = _records[r];
            for (var f = record.IndexOf(name, enriched); f >= 0; f = record.IndexOf(name, enriched, f + 1))
            {
                if (!IsTaken(r, f) && record[f].RawValue.SequenceEqual(rawValue))
                {
                    Take(r, f);
                }
            }
        }
    }

    private int IndexOf(AuditRecord record)
    {
        for (var i = 0; i < _records.Count; i++)
        {
            if (ReferenceEquals(_records[i], record))
            {
                return i;
            }
        }

        throw new ArgumentException("The record is not part of this event.", nameof(record));
    }
}
