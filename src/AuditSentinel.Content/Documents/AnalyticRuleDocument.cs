namespace AuditSentinel.Content.Documents;

/// <summary>
/// A scheduled analytic rule in the Azure-Sentinel YAML format (one file per rule under kql/analytic-rules). Every
/// property is nullable so that a missing one becomes a validation problem naming it, not a deserialization crash.
/// </summary>
public sealed class AnalyticRuleDocument
{
    /// <summary>The rule's GUID: the alert rule's resource name, stable across deployments.</summary>
    public string? Id { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>What the rule detects and why it matters.</summary>
    public string? Description { get; set; }

    /// <summary>Informational, Low, Medium or High.</summary>
    public string? Severity { get; set; }

    /// <summary>The data the query needs: connector id and the tables (data types).</summary>
    public IList<DataConnectorDocument>? RequiredDataConnectors { get; set; }

    /// <summary>How often the query runs (ISO 8601 duration).</summary>
    public string? QueryFrequency { get; set; }

    /// <summary>How far back each run looks (ISO 8601 duration).</summary>
    public string? QueryPeriod { get; set; }

    /// <summary>gt, lt, eq or ne, applied to the result count and <see cref="TriggerThreshold"/>.</summary>
    public string? TriggerOperator { get; set; }

    /// <summary>The result count the operator compares with.</summary>
    public int? TriggerThreshold { get; set; }

    /// <summary>Optional: how long to stop alerting after an alert (ISO 8601 duration); suppression is off without it.</summary>
    public string? SuppressionDuration { get; set; }

    /// <summary>ATT&amp;CK tactics in Sentinel's spelling (PrivilegeEscalation, ...).</summary>
    public IList<string>? Tactics { get; set; }

    /// <summary>ATT&amp;CK technique and sub-technique ids.</summary>
    public IList<string>? RelevantTechniques { get; set; }

    /// <summary>The KQL query.</summary>
    public string? Query { get; set; }

    /// <summary>Entities of each alert, mapped from result columns.</summary>
    public IList<EntityMappingDocument>? EntityMappings { get; set; }

    /// <summary>Custom details: alert property name to result column.</summary>
    public IReadOnlyDictionary<string, string>? CustomDetails { get; set; }

    /// <summary>Alert name, description and properties taken from result columns.</summary>
    public AlertDetailsOverrideDocument? AlertDetailsOverride { get; set; }

    /// <summary>Whether alerts create incidents and how they group.</summary>
    public IncidentConfigurationDocument? IncidentConfiguration { get; set; }

    /// <summary>One alert per run or one per result row.</summary>
    public EventGroupingDocument? EventGroupingSettings { get; set; }

    /// <summary>The rule's version (major.minor.patch).</summary>
    public string? Version { get; set; }

    /// <summary>The rule kind; the deployment creates Scheduled rules only.</summary>
    public string? Kind { get; set; }

    /// <summary>Free-form authoring metadata of the format (source, author, support); not deployed.</summary>
    public IReadOnlyDictionary<string, object>? Metadata { get; set; }
}
