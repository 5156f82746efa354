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
    // those are not in the keys, so a record is checked on them before it is given this layout.
    private readonly Candidate[] _candidates;

    private FieldLayout(ulong[] keys, int[] next, Candidate[] candidates)
    {
        _keys = keys;
        _next = next;
        _candidates = candidates;
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
        var candidates = 0;
        foreach (var key in keys)
        {
            candidates += names.HasKey(key) ? 1 : 0;
        }

        var layout = new FieldLayout(keys.ToArray(), new int[keys.Length], new Candidate[candidates]);
        layout._first.AsSpan().Fill(None);
        Span<int> last = stackalloc int[MappedNames.Count];
        candidates = 0;
        for (var f = 0; f < keys.Length; f++)
        {
            if (!names.HasKey(keys[f]))
            {
                continue;
            }

            var name = names.Of(record, tokens[f], keys[f]);
            layout._candidates[candidates++] = new Candidate(f, tokens[f].NameLength, tokens[f].Origin == FieldOrigin.Enriched, name);
            if (name >= 0)
            {
                layout.Add(name, f, last);
            }
        }

        return layout;
    }

    /// <summary>The first field of <paramref name="name"/>, or <see cref="None"/>.</summary>
    internal int First(MappedName name) => _first[(int)name];

    /// <summary>The next field of the name of <paramref name="field"/> (a field of a mapped name), or <see cref="None"/>.</summary>
    internal int Next(int field) => _next[field];

    /// <summary>
    /// True when this layout is <paramref name="record"/>'s: the same name keys, and the fields whose key is a mapped
    /// name's key classified alike.
    /// </summary>
    internal bool Fits(AuditRecord record)
    {
        if (!record.NameKeys.SequenceEqual(_keys))
        {
            return false;
        }

        // With the key, a name's length and part decide what a name of up to 8 bytes is; a longer one is classified again.
        var tokens = record.Tokens;
        foreach (var candidate in _candidates)
        {
            ref readonly var token = ref tokens[candidate.Field];
            if (token.NameLength != candidate.NameLength || (token.Origin == FieldOrigin.Enriched) != candidate.Enriched
                || (candidate.NameLength > sizeof(ulong) && MappedNames.Lookup.Of(record, token, _keys[candidate.Field]) != candidate.Name))
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

    // A field whose key is a mapped name's key: its name's length, whether it is ENRICHED, and the mapped name it is
    // (-1: none, e.g. a body name in the ENRICHED part).
    private readonly record struct Candidate(int Field, int NameLength, bool Enriched, int Name);
}
