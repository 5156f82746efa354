using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// Where the <see cref="MappedName"/>s stand in one layout of field names (a record's name keys, in order): the first
/// field of each name, the chain of its later fields, and which names the layout holds once or more. Records of one
/// type from one rule carry the same names in the same order, so <see cref="FieldLayouts"/> computes this once per
/// layout instead of classifying every field of every record. Immutable once built.
/// </summary>
internal sealed class FieldLayout
{
    /// <summary>No such field.</summary>
    internal const int None = -1;

    private readonly ulong[] _keys;
    private readonly int[] _first = new int[MappedNames.Count];
    private readonly int[] _next;

    // The fields whose key is a mapped name's key: the name's length, part and whole spelling decide what they are, and
    // those are not in the keys, so a record is checked on them before it is given this layout. The part is checked for
    // all fields at once (a record's body fields come before its ENRICHED ones, so their count says where each stands),
    // the length per candidate, and the spelling for the few names longer than a key, which are classified again.
    private readonly NameLength[] _candidateLengths;
    private readonly Candidate[] _longCandidates;
    private readonly int _bodyFields;

    private FieldLayout(ulong[] keys, int[] next, NameLength[] candidateLengths, Candidate[] longCandidates, int bodyFields)
    {
        _keys = keys;
        _next = next;
        _candidateLengths = candidateLengths;
        _longCandidates = longCandidates;
        _bodyFields = bodyFields;
    }

    /// <summary>One bit per mapped name (bit <c>(int)name</c>) the layout holds.</summary>
    internal ulong Names { get; private set; }

    /// <summary>One bit per mapped name the layout holds more than once.</summary>
    internal ulong Repeated { get; private set; }

    /// <summary>Classifies every field of <paramref name="record"/>.</summary>
    internal static FieldLayout Of(AuditRecord record)
    {
        var tokens = record.Tokens;
        var keys = record.NameKeys;
        var names = MappedNames.Lookup;
        var candidates = new List<Candidate>();
        var bodyFields = 0;
        for (var f = 0; f < keys.Length; f++)
        {
            bodyFields += tokens[f].Origin == FieldOrigin.Enriched ? 0 : 1;
            if (names.HasKey(keys[f]))
            {
                candidates.Add(new Candidate(f, tokens[f].NameLength, names.Of(record, tokens[f], keys[f])));
            }
        }

        var layout = new FieldLayout(
            keys.ToArray(),
            new int[keys.Length],
            [.. candidates.Select(candidate => new NameLength(candidate.Field, candidate.NameLength))],
            [.. candidates.Where(candidate => candidate.NameLength > sizeof(ulong))],
            bodyFields);
        layout._first.AsSpan().Fill(None);
        Span<int> last = stackalloc int[MappedNames.Count];
        foreach (var candidate in candidates)
        {
            if (candidate.Name >= 0)
            {
                layout.Add(candidate.Name, candidate.Field, last);
            }
        }

        return layout;
    }

    /// <summary>The first field of <paramref name="name"/>, or <see cref="None"/>.</summary>
    internal int First(MappedName name) => _first[(int)name];

    /// <summary>The next field of the name of <paramref name="field"/> (a field of a mapped name), or <see cref="None"/>.</summary>
    internal int Next(int field) => _next[field];

    /// <summary>
    /// True when this layout is <paramref name="record"/>'s: the same name keys, the same number of body fields, and
    /// the fields whose key is a mapped name's key classified alike.
    /// </summary>
    internal bool Fits(AuditRecord record)
    {
        if (!record.NameKeys.SequenceEqual(_keys))
        {
            return false;
        }

        // The body fields come first, then the ENRICHED ones (the tokenizer reads the two parts in that order).
        var tokens = record.Tokens;
        if ((_bodyFields > 0 && tokens[_bodyFields - 1].Origin == FieldOrigin.Enriched)
            || (_bodyFields < tokens.Length && tokens[_bodyFields].Origin != FieldOrigin.Enriched))
        {
            return false;
        }

        // With the key and the part, a name's length decides what a name of up to 8 bytes is (a longer one shares its
        // key with every name it starts, and is classified again).
        foreach (var candidate in _candidateLengths)
        {
            if (tokens[candidate.Field].NameLength != candidate.Length)
            {
                return false;
            }
        }

        foreach (var candidate in _longCandidates)
        {
            if (MappedNames.Lookup.Of(record, tokens[candidate.Field], _keys[candidate.Field]) != candidate.Name)
            {
                return false;
            }
        }

        return true;
    }

    // Appends field f to its name's chain; last holds each name's last field so far (a repeated name stays linear).
    private void Add(int name, int f, Span<int> last)
    {
        var bit = 1UL << name;
        _next[f] = None;
        if ((Names & bit) == 0)
        {
            Names |= bit;
            _first[name] = f;
        }
        else
        {
            Repeated |= bit;
            _next[last[name]] = f;
        }

        last[name] = f;
    }

    // A field whose key is a mapped name's key: its name's length and the mapped name it is (-1: none, e.g. a body name
    // in the ENRICHED part).
    private readonly record struct Candidate(int Field, int NameLength, int Name);

    // A candidate field and its name's length, all a name of up to 8 bytes is checked on.
    private readonly record struct NameLength(int Field, int Length);
}
