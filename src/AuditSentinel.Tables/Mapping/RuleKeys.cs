using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Attack;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The Keys and Techniques columns from rule keys (<c>key=</c> of SYSCALL records). An event whose one key field is a
/// value seen before (a host's rules record a handful of keys) gets the arrays made for it then: a hit costs a hash and
/// a compare instead of a decode, a split, the technique lookups and two arrays. The arrays are never written to after
/// they are made, like <see cref="RecordTypeLists"/>'. Direct-mapped, one per thread, like <see cref="ColumnTexts"/>.
/// </summary>
internal static class RuleKeys
{
    // The kernel keeps up to 256 bytes of keys: 512 hex digits. A longer (crafted) value is split every time, so the
    // table holds a bounded amount.
    private const int MaxCachedLength = 512;

    [ThreadStatic]
    private static RecentValues<Columns?>? t_recent;

    [ThreadStatic]
    private static List<string>? t_techniques;

    /// <summary>The keys of one key field (not absent) and their techniques in <paramref name="attackKeys"/>.</summary>
    internal static (string[]? Keys, string[]? Techniques) Of(in AuditField key, AttackKeyMap attackKeys)
    {
        var raw = key.RawValue;
        if (raw.Length > MaxCachedLength)
        {
            return Split(key, attackKeys);
        }

        var recent = t_recent ??= new(slotBits: 8);
        var hex = key.Kind == FieldKind.Hex;
        if (recent.TryGet(raw, hex, out var held) && ReferenceEquals(held!.AttackKeys, attackKeys))
        {
            return (held.Keys, held.Techniques);
        }

        var (keys, techniques) = Split(key, attackKeys);
        recent.Add(raw, hex, new Columns(attackKeys, keys, techniques));
        return (keys, techniques);
    }

    /// <summary>
    /// Adds the parts of a key= value split at the kernel's separator to <paramref name="keys"/>, empty ones dropped,
    /// each once; a single key (the usual case) is added without copying it.
    /// </summary>
    internal static string[]? Add(string text, string[]? keys)
    {
        if (!text.Contains(FieldValues.KeySeparator, StringComparison.Ordinal))
        {
            return AddKey(text, keys);
        }

        foreach (var range in text.AsSpan().Split(FieldValues.KeySeparator))
        {
            if (range.Start.Value != range.End.Value)
            {
                keys = AddKey(text[range], keys);
            }
        }

        return keys;
    }

    /// <summary>The technique ids of <paramref name="keys"/> in <paramref name="attackKeys"/>, each once; null when none.</summary>
    internal static string[]? Techniques(AttackKeyMap attackKeys, string[]? keys)
    {
        if (keys is null)
        {
            return null;
        }

        // Collected in a list reused per thread, so the row keeps only an exact array (none when no key maps to a technique).
        var techniques = t_techniques ??= [];
        techniques.Clear();
        foreach (var key in keys)
        {
            attackKeys.AddTechniquesOf(key, techniques);
        }

        return techniques.Count == 0 ? null : [.. techniques];
    }

    private static (string[]? Keys, string[]? Techniques) Split(in AuditField key, AttackKeyMap attackKeys)
    {
        var keys = Add(ColumnTexts.Of(key)!, null);
        return (keys, Techniques(attackKeys, keys));
    }

    // An event has one key nearly always, so the array grows by one rather than through a list.
    private static string[]? AddKey(string key, string[]? keys)
    {
        if (key.Length == 0 || (keys is not null && Array.IndexOf(keys, key) >= 0))
        {
            return keys;
        }

        if (keys is null)
        {
            return [key];
        }

        var grown = new string[keys.Length + 1];
        keys.CopyTo(grown, 0);
        grown[^1] = key;
        return grown;
    }

    // The columns of one key value, made for one map of techniques.
    private sealed record Columns(AttackKeyMap AttackKeys, string[]? Keys, string[]? Techniques);
}
