using System.Text.RegularExpressions;
using AuditSentinel.Content.Attack;
using AuditSentinel.Content.Documents;
using AuditSentinel.Tables;

namespace AuditSentinel.Content.Validation;

/// <summary>Checks rules and hunting queries have in common.</summary>
internal static partial class SharedChecks
{
    private static readonly HashSet<string> KnownTables = AuditTables.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    public static void Id(ProblemReport report, string? id)
    {
        if (report.Require(id, "id") && !Guid.TryParseExact(id, "D", out _))
        {
            report.Add($"id '{id}' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        }
    }

    public static void Version(ProblemReport report, string? version)
    {
        if (report.Require(version, "version") && !SemanticVersion().IsMatch(version!))
        {
            report.Add($"version '{version}' is not major.minor.patch");
        }
    }

    public static void DataConnectors(ProblemReport report, IList<DataConnectorDocument>? connectors)
    {
        if (connectors is not { Count: > 0 })
        {
            report.Add("requiredDataConnectors is required: the connector and the tables the query reads");
            return;
        }

        foreach (var connector in connectors)
        {
            report.Require(connector.ConnectorId, "requiredDataConnectors.connectorId");
            if (connector.DataTypes is not { Count: > 0 })
            {
                report.Add("requiredDataConnectors.dataTypes is required");
                continue;
            }

            foreach (var type in connector.DataTypes.Where(t => !KnownTables.Contains(t)))
            {
                report.Add($"requiredDataConnectors.dataTypes names '{type}', which is not one of our tables ({string.Join(", ", KnownTables.Order(StringComparer.Ordinal))})");
            }
        }
    }

    public static void Attack(ProblemReport report, IList<string>? tactics, IList<string>? techniques)
    {
        if (tactics is not { Count: > 0 })
        {
            report.Add("tactics is required");
            tactics = [];
        }

        foreach (var tactic in tactics.Where(t => !AttackCatalog.Tactics.Contains(t)))
        {
            report.Add($"tactic '{tactic}' is not one Sentinel knows ({string.Join(", ", AttackCatalog.Tactics.Order(StringComparer.Ordinal))})");
        }

        if (techniques is not { Count: > 0 })
        {
            report.Add("relevantTechniques is required");
            return;
        }

        foreach (var id in techniques)
        {
            if (!AttackCatalog.Techniques.TryGetValue(id, out var technique))
            {
                report.Add($"technique '{id}' is not a current ATT&CK Enterprise technique (revoked or deprecated ones are refused: use the successor)");
            }
            else if (!technique.Tactics.Any(tactics.Contains))
            {
                report.Add($"technique {id} ({technique.Name}) belongs to {string.Join(", ", technique.Tactics)}, none of which is in tactics");
            }
        }
    }

    public static void EntityMappings(ProblemReport report, IList<EntityMappingDocument>? mappings, bool required)
    {
        if (mappings is not { Count: > 0 })
        {
            if (required)
            {
                report.Add("entityMappings is required: incidents need entities (map Account with the host, Host, and Process, IP, File where the data has them)");
            }

            return;
        }

        if (mappings.Count > EntityIdentifiers.MaxEntityMappings)
        {
            report.Add($"{mappings.Count} entity mappings; at most {EntityIdentifiers.MaxEntityMappings} are allowed");
        }

        foreach (var mapping in mappings)
        {
            if (!report.Require(mapping.EntityType, "entityMappings.entityType"))
            {
                continue;
            }

            if (!EntityIdentifiers.ByType.TryGetValue(mapping.EntityType!, out var identifiers))
            {
                report.Add($"entity type '{mapping.EntityType}' is not one Sentinel maps ({string.Join(", ", EntityIdentifiers.ByType.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }

            var fields = mapping.FieldMappings ?? [];
            if (fields.Count is 0 or > EntityIdentifiers.MaxIdentifiersPerEntity)
            {
                report.Add($"{mapping.EntityType} has {fields.Count} identifiers; an entity takes 1 to {EntityIdentifiers.MaxIdentifiersPerEntity}");
            }

            foreach (var field in fields)
            {
                if (report.Require(field.Identifier, $"{mapping.EntityType} identifier") && !identifiers.Contains(field.Identifier!))
                {
                    report.Add($"'{field.Identifier}' is not an identifier of {mapping.EntityType} ({string.Join(", ", identifiers.Order(StringComparer.Ordinal))})");
                }

                report.Require(field.ColumnName, $"{mapping.EntityType}.{field.Identifier} columnName");
            }

            var names = fields.Select(f => f.Identifier).ToList();
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            {
                report.Add($"{mapping.EntityType} maps an identifier twice");
            }

            if (string.Equals(mapping.EntityType, "Account", StringComparison.Ordinal) && names.Contains("Name") && !names.Any(n => n is not null && EntityIdentifiers.AccountQualifiers.Contains(n)))
            {
                report.Add("Account is mapped by Name alone: Sentinel drops generic names such as root; add NTDomain (the host name) so the account stays an entity");
            }
        }
    }

    public static void Query(ProblemReport report, string? query, int maxLength)
    {
        if (report.Require(query, "query") && query!.Length > maxLength)
        {
            report.Add($"query has {query.Length} characters; the limit is {maxLength}");
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SemanticVersion();
}
