using System.Text.Json.Nodes;
using AuditSentinel.Content.Attack;
using AuditSentinel.Content.Documents;
using AuditSentinel.Content.Validation;

namespace AuditSentinel.Content.Build;

/// <summary>
/// A validated rule document as the properties of a <c>Microsoft.SecurityInsights/alertRules</c> resource of kind
/// Scheduled (API 2024-09-01): the YAML's trigger operator spelled as the API wants it, techniques split into
/// <c>techniques</c> (parents) and <c>subTechniques</c>, suppression off unless the rule sets a duration.
/// </summary>
internal static class AlertRuleJson
{
    private const string DefaultSuppression = "PT5H";

    public static JsonObject Create(AnalyticRuleDocument rule)
    {
        var techniques = (rule.RelevantTechniques ?? []).Select(id => AttackCatalog.Techniques[id]).ToList();
        var properties = new JsonObject
        {
            ["displayName"] = rule.Name,
            ["description"] = rule.Description!.Trim(),
            ["severity"] = rule.Severity,
            ["enabled"] = true,
            ["query"] = rule.Query!.Trim(),
            ["queryFrequency"] = rule.QueryFrequency,
            ["queryPeriod"] = rule.QueryPeriod,
            ["triggerOperator"] = AnalyticRuleValidator.TriggerOperators[rule.TriggerOperator!],
            ["triggerThreshold"] = rule.TriggerThreshold,
            ["suppressionDuration"] = rule.SuppressionDuration ?? DefaultSuppression,
            ["suppressionEnabled"] = rule.SuppressionDuration is not null,
            ["tactics"] = ArmJson.Strings(rule.Tactics!),
            ["techniques"] = ArmJson.Strings(techniques.Select(t => t.ParentId).Distinct(StringComparer.Ordinal)),
            ["subTechniques"] = ArmJson.Strings(techniques.Where(t => t.IsSubTechnique).Select(t => t.Id)),
            ["entityMappings"] = EntityMappings(rule.EntityMappings!),
        };
        if (rule.CustomDetails is { Count: > 0 } details)
        {
            properties["customDetails"] = new JsonObject(details.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value)));
        }

        if (rule.AlertDetailsOverride is { } overrides)
        {
            properties["alertDetailsOverride"] = AlertDetails(overrides);
        }

        properties["incidentConfiguration"] = Incidents(rule.IncidentConfiguration!);
        properties["eventGroupingSettings"] = new JsonObject { ["aggregationKind"] = rule.EventGroupingSettings!.AggregationKind };
        return properties;
    }

    public static JsonArray EntityMappings(IEnumerable<EntityMappingDocument> mappings) =>
    [
        .. mappings.Select(m => (JsonNode)new JsonObject
        {
            ["entityType"] = m.EntityType,
            ["fieldMappings"] = new JsonArray([.. (m.FieldMappings ?? []).Select(f => (JsonNode)new JsonObject
            {
                ["identifier"] = f.Identifier,
                ["columnName"] = f.ColumnName,
            })]),
        }),
    ];

    private static JsonObject AlertDetails(AlertDetailsOverrideDocument overrides)
    {
        var details = new JsonObject();
        Add(details, "alertDisplayNameFormat", overrides.AlertDisplayNameFormat);
        Add(details, "alertDescriptionFormat", overrides.AlertDescriptionFormat?.Trim());
        Add(details, "alertSeverityColumnName", overrides.AlertSeverityColumnName);
        Add(details, "alertTacticsColumnName", overrides.AlertTacticsColumnName);
        if (overrides.AlertDynamicProperties is { Count: > 0 } dynamic)
        {
            details["alertDynamicProperties"] = new JsonArray([.. dynamic.Select(p => (JsonNode)new JsonObject
            {
                ["alertProperty"] = p.AlertProperty,
                ["value"] = p.Value,
            })]);
        }

        return details;
    }

    private static JsonObject Incidents(IncidentConfigurationDocument incidents)
    {
        var grouping = incidents.GroupingConfiguration;
        var result = new JsonObject { ["createIncident"] = incidents.CreateIncident };
        if (grouping is not null)
        {
            result["groupingConfiguration"] = new JsonObject
            {
                ["enabled"] = grouping.Enabled ?? false,
                ["reopenClosedIncident"] = grouping.ReopenClosedIncident ?? false,
                ["lookbackDuration"] = grouping.LookbackDuration ?? DefaultSuppression,
                ["matchingMethod"] = grouping.MatchingMethod ?? "AllEntities",
                ["groupByEntities"] = ArmJson.Strings(grouping.GroupByEntities ?? []),
                ["groupByAlertDetails"] = ArmJson.Strings(grouping.GroupByAlertDetails ?? []),
                ["groupByCustomDetails"] = ArmJson.Strings(grouping.GroupByCustomDetails ?? []),
            };
        }

        return result;
    }

    private static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
