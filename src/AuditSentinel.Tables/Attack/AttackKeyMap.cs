using System.Collections.Frozen;
using System.Text.Json;

namespace AuditSentinel.Tables.Attack;

/// <summary>
/// Maps audit rule keys (<c>-k</c>) to MITRE ATT&amp;CK technique ids. An explicit entry wins; otherwise a key that
/// starts with a technique id (<c>T1003.008_shadow</c>, <c>T1059</c>, <c>T1071-net</c>) maps to that id. The default
/// map covers the widely used public rule sets; <see cref="WithOverrides(Stream)"/> extends or replaces it from a
/// JSON file (format in docs/attack-keys.md). Immutable and thread-safe.
/// </summary>
public sealed class AttackKeyMap
{
    private readonly FrozenDictionary<string, string[]> _explicit;

    private AttackKeyMap(FrozenDictionary<string, string[]> entries) => _explicit = entries;

    /// <summary>The default map.</summary>
    public static AttackKeyMap Default { get; } = new(DefaultAttackKeys.Entries.ToFrozenDictionary(e => e.Key, e => e.Techniques, StringComparer.Ordinal));

    /// <summary>The keys with an explicit entry.</summary>
    public IEnumerable<string> ExplicitKeys => _explicit.Keys;

    /// <summary>The technique ids of one key; empty when it maps to none.</summary>
    public IReadOnlyList<string> TechniquesOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_explicit.TryGetValue(key, out var techniques))
        {
            return techniques;
        }

        var length = TechniqueIds.PrefixLength(key);
        return length > 0 ? [key[..length]] : [];
    }

    /// <summary>Adds the distinct technique ids of <paramref name="keys"/> to <paramref name="techniques"/>, in first-seen order.</summary>
    public void AddTechniques(IEnumerable<string> keys, ICollection<string> techniques)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(techniques);
        foreach (var key in keys)
        {
            AddTechniquesOf(key, techniques);
        }
    }

    /// <summary>
    /// Adds the technique ids of one key that <paramref name="techniques"/> does not hold yet; unlike
    /// <see cref="TechniquesOf(string)"/> it builds no list for a key that starts with an id (the mapper calls it per event).
    /// </summary>
    internal void AddTechniquesOf(string key, ICollection<string> techniques)
    {
        if (_explicit.TryGetValue(key, out var mapped))
        {
            foreach (var technique in mapped)
            {
                AddNew(technique, techniques);
            }

            return;
        }

        var length = TechniqueIds.PrefixLength(key);
        if (length > 0)
        {
            AddNew(length == key.Length ? key : key[..length], techniques);
        }
    }

    /// <summary>Loads overrides from a JSON file (see <see cref="WithOverrides(Stream)"/>).</summary>
    public AttackKeyMap WithOverrides(string path)
    {
        using var stream = File.OpenRead(path);
        return WithOverrides(stream);
    }

    /// <summary>
    /// A map with entries from <c>{"replaceDefaults": false, "keys": {"key": ["T1059.004"], "other": []}}</c>: each key
    /// gets exactly the listed ids (an empty list maps it to none); with <c>replaceDefaults</c> true the default
    /// entries are dropped first. Technique ids must look like <c>T1234</c> or <c>T1234.567</c>.
    /// </summary>
    /// <exception cref="FormatException">The JSON does not have that shape.</exception>
    public AttackKeyMap WithOverrides(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("An ATT&CK key map must be a JSON object with a \"keys\" object.");
        }

        var replace = root.TryGetProperty("replaceDefaults", out var replaceElement) && replaceElement.ValueKind == JsonValueKind.True;
        var entries = replace ? new Dictionary<string, string[]>(StringComparer.Ordinal) : new Dictionary<string, string[]>(_explicit, StringComparer.Ordinal);
        if (!root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("An ATT&CK key map needs a \"keys\" object: {\"keys\": {\"my_key\": [\"T1059.004\"]}}.");
        }

        foreach (var property in keys.EnumerateObject())
        {
            entries[property.Name] = ReadTechniques(property);
        }

        return new AttackKeyMap(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static void AddNew(string technique, ICollection<string> techniques)
    {
        if (!techniques.Contains(technique))
        {
            techniques.Add(technique);
        }
    }

    private static JsonDocument ParseDocument(Stream json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException("The ATT&CK key map is not valid JSON: " + e.Message, e);
        }
    }

    private static string[] ReadTechniques(JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Key '{property.Name}' must map to an array of technique ids.");
        }

        var techniques = new List<string>();
        foreach (var item in property.Value.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (id is null || TechniqueIds.PrefixLength(id) != id.Length)
            {
                throw new FormatException($"Key '{property.Name}' has '{item}', which is not a technique id like T1059 or T1059.004.");
            }

            techniques.Add(id);
        }

        return [.. techniques];
    }
}
