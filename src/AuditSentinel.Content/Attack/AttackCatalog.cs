using System.Collections.Frozen;

namespace AuditSentinel.Content.Attack;

/// <summary>
/// The ATT&amp;CK tactics Sentinel accepts and the current Enterprise techniques (attack-techniques.tsv, generated from
/// MITRE's STIX data by generate-attack-techniques.sh; revoked and deprecated techniques are not in it).
/// </summary>
public static class AttackCatalog
{
    private static readonly Lazy<FrozenDictionary<string, AttackTechnique>> TechniquesLazy = new(Load);

    /// <summary>The tactic names of the alertRules API (ATT&amp;CK Enterprise tactics plus Sentinel's PreAttack and the ICS ones).</summary>
    public static FrozenSet<string> Tactics { get; } = FrozenSet.ToFrozenSet(
        [
            "Reconnaissance", "ResourceDevelopment", "InitialAccess", "Execution", "Persistence", "PrivilegeEscalation",
            "DefenseEvasion", "CredentialAccess", "Discovery", "LateralMovement", "Collection", "Exfiltration",
            "CommandAndControl", "Impact", "PreAttack", "ImpairProcessControl", "InhibitResponseFunction",
        ],
        StringComparer.Ordinal);

    /// <summary>The techniques by id.</summary>
    public static FrozenDictionary<string, AttackTechnique> Techniques => TechniquesLazy.Value;

    private static FrozenDictionary<string, AttackTechnique> Load()
    {
        using var stream = typeof(AttackCatalog).Assembly.GetManifestResourceStream("attack-techniques.tsv")
            ?? throw new InvalidOperationException("attack-techniques.tsv is not embedded.");
        using var reader = new StreamReader(stream);
        var techniques = new Dictionary<string, AttackTechnique>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            techniques.Add(parts[0], new AttackTechnique(parts[0], parts[2], parts[1].Split(',')));
        }

        return techniques.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
