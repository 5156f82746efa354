using System.Text;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// The drop-repeats rule of <see cref="FieldMapBuilder.AddDistinct"/> for a map with many entries: a name held with
/// the same value is dropped, a new value takes the first free <c>_2</c>, <c>_3</c>, ... The builder's own walk
/// compares each name with every entry and starts each repeat at <c>_2</c>, so its work grows with the cube of one
/// name's repeats: a crafted record of 4,000 <c>a=</c> fields took 12 s, and a 1 MiB line of them days. Here every
/// name is found by hash, and each name's chain (how many of name, name_2, ... are known to exist, and their values)
/// is remembered, so a field costs about the same however many came before. Entries never leave a map, so what a
/// chain remembers stays true; entries the builder added since the last call are indexed when the next one comes.
/// Names and values are compared as the escaped bytes the map holds, as the builder compares them.
/// </summary>
internal sealed class RepeatedNameChains
{
    private readonly Dictionary<string, int> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Chain> _chains = new(StringComparer.Ordinal);
    private int _indexed;

    /// <summary>Forgets every entry and chain, for a new map.</summary>
    internal void Clear()
    {
        _entries.Clear();
        _chains.Clear();
        _indexed = 0;
    }

    /// <summary>
    /// Where a property with the escaped <paramref name="name"/> and <paramref name="value"/> goes: 0 when the map
    /// already holds it (drop it), 1 under its own name, k under <c>name_k</c>. The caller adds it as answered.
    /// </summary>
    /// <param name="json">The map's JSON so far.</param>
    /// <param name="entries">The map's entries so far, indexes into <paramref name="json"/>.</param>
    /// <param name="name">The new property's escaped name.</param>
    /// <param name="value">The new property's escaped value.</param>
    internal int Place(ReadOnlySpan<byte> json, ReadOnlySpan<FieldMap.Entry> entries, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        for (; _indexed < entries.Length; _indexed++)
        {
            // The first of equal names is the one a lookup finds, as the builder's walk finds it.
            _entries.TryAdd(Text(json.Slice(entries[_indexed].NameStart, entries[_indexed].NameLength)), _indexed);
        }

        var baseName = Text(name);
        var valueText = Text(value);
        if (!_chains.TryGetValue(baseName, out var chain))
        {
            chain = new Chain();
            _chains.Add(baseName, chain);
        }

        if (chain.Values.Contains(valueText))
        {
            return 0;
        }

        for (var suffix = chain.Length + 1; ; suffix++)
        {
            var candidate = suffix == 1 ? baseName : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{baseName}_{suffix}");
            chain.Length = suffix;
            if (!_entries.TryGetValue(candidate, out var existing))
            {
                chain.Values.Add(valueText);
                return suffix;
            }

            var held = Text(json.Slice(entries[existing].ValueStart, entries[existing].ValueLength));
            chain.Values.Add(held);
            if (held == valueText)
            {
                return 0;
            }
        }
    }

    // Latin-1 maps each byte to one char and back, so equal strings are equal bytes.
    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    // Name, name_2, ..., name_Length exist in the map; Values holds their values.
    private sealed class Chain
    {
        internal int Length { get; set; }

        internal HashSet<string> Values { get; } = new(StringComparer.Ordinal);
    }
}
