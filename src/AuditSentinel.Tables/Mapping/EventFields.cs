using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The fields of an event's records, with a note of which ones a typed column has taken, so that every other field
/// ends in the Fields column and nothing parsed is lost.
/// </summary>
internal sealed class EventFields
{
    private readonly IReadOnlyList<AuditRecord> _records;
    private readonly bool[][] _taken;

    internal EventFields(IReadOnlyList<AuditRecord> records, AuditRecord primary)
    {
        _records = records;
        Primary = primary;
        _taken = new bool[records.Count][];
        for (var i = 0; i < records.Count; i++)
        {
            _taken[i] = new bool[records[i].FieldCount];
        }
    }

    internal AuditRecord Primary { get; }

    internal IReadOnlyList<AuditRecord> Records => _records;

    /// <summary>Takes a body field of the primary record, else of the first other record that has it.</summary>
    internal bool TryTake(ReadOnlySpan<byte> name, out AuditField field) => TryTake(name, out field, out _);

    /// <summary>Takes a body field of the primary record, else of the first other record that has it, and says which record had it.</summary>
    internal bool TryTake(ReadOnlySpan<byte> name, out AuditField field, out AuditRecord owner)
    {
        owner = Primary;
        if (TryTake(Primary, name, FieldOrigin.Body, out field))
        {
            return true;
        }

        foreach (var record in _records)
        {
            if (!ReferenceEquals(record, Primary) && TryTake(record, name, FieldOrigin.Body, out field))
            {
                owner = record;
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes a body field of <paramref name="record"/> only.</summary>
    internal bool TryTake(AuditRecord record, ReadOnlySpan<byte> name, out AuditField field) =>
        TryTake(record, name, FieldOrigin.Body, out field);

    /// <summary>Takes an ENRICHED field of <paramref name="record"/>.</summary>
    internal bool TryTakeEnriched(AuditRecord record, ReadOnlySpan<byte> name, out AuditField field) =>
        TryTake(record, name, FieldOrigin.Enriched, out field);

    /// <summary>The decoded text of a taken body field (primary first), or null.</summary>
    internal string? Text(ReadOnlySpan<byte> name) => TryTake(name, out var field) ? field.Text : null;

    /// <summary>Marks every field of <paramref name="record"/> taken (its content went to a column whole).</summary>
    internal void TakeAll(AuditRecord record) => Array.Fill(_taken[IndexOf(record)], true);

    /// <summary>Marks the body (or the ENRICHED) fields of <paramref name="record"/> taken.</summary>
    internal void TakeAll(AuditRecord record, FieldOrigin origin)
    {
        var taken = _taken[IndexOf(record)];
        for (var f = 0; f < record.FieldCount; f++)
        {
            taken[f] |= IsOrigin(record[f], origin);
        }
    }

    /// <summary>The fields no column took, as name/value pairs: a repeated name with a new value gets _2, _3, ...</summary>
    internal List<KeyValuePair<string, string>>? Remaining()
    {
        List<KeyValuePair<string, string>>? remaining = null;
        for (var r = 0; r < _records.Count; r++)
        {
            var record = _records[r];
            for (var f = 0; f < record.FieldCount; f++)
            {
                if (_taken[r][f] || record[f].Text is not { } value)
                {
                    continue;
                }

                remaining ??= [];
                AddDistinct(remaining, record[f].NameText, value);
            }
        }

        return remaining;
    }

    private static void AddDistinct(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var candidate = name;
        for (var suffix = 2; ; suffix++)
        {
            var existing = fields.FindIndex(p => string.Equals(p.Key, candidate, StringComparison.Ordinal));
            if (existing < 0)
            {
                fields.Add(new(candidate, value));
                return;
            }

            if (string.Equals(fields[existing].Value, value, StringComparison.Ordinal))
            {
                return;
            }

            candidate = name + "_" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    // Taking a field also takes the same name with the same value in the other records (auid= repeated by
    // CONFIG_CHANGE and SYSCALL), so Fields does not repeat what a column already holds.
    private bool TryTake(AuditRecord record, ReadOnlySpan<byte> name, FieldOrigin origin, out AuditField field)
    {
        var r = IndexOf(record);
        for (var f = 0; f < record.FieldCount; f++)
        {
            var candidate = record[f];
            if (IsOrigin(candidate, origin) && candidate.NameEquals(name))
            {
                _taken[r][f] = true;
                if (_records.Count > 1)
                {
                    TakeDuplicates(candidate, origin);
                }

                field = candidate;
                return true;
            }
        }

        field = default;
        return false;
    }

    private void TakeDuplicates(AuditField taken, FieldOrigin origin)
    {
        for (var r = 0; r < _records.Count; r++)
        {
            var record = _records[r];
            for (var f = 0; f < record.FieldCount; f++)
            {
                var other = record[f];
                if (!_taken[r][f] && IsOrigin(other, origin) && other.Name.SequenceEqual(taken.Name) && other.RawValue.SequenceEqual(taken.RawValue))
                {
                    _taken[r][f] = true;
                }
            }
        }
    }

    private static bool IsOrigin(AuditField field, FieldOrigin origin) =>
        origin == FieldOrigin.Enriched ? field.Origin == FieldOrigin.Enriched : field.Origin != FieldOrigin.Enriched;

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
