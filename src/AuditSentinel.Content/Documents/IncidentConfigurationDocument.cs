namespace AuditSentinel.Content.Documents;

/// <summary>Whether alerts create incidents, and how alerts are grouped into them.</summary>
public sealed class IncidentConfigurationDocument
{
    /// <summary>Create an incident per alert (or group).</summary>
    public bool? CreateIncident { get; set; }

    /// <summary>How alerts are grouped.</summary>
    public GroupingConfigurationDocument? GroupingConfiguration { get; set; }
}

/// <summary>Alert grouping into incidents.</summary>
public sealed class GroupingConfigurationDocument
{
    /// <summary>Group alerts at all.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Reopen a closed incident when a matching alert arrives.</summary>
    public bool? ReopenClosedIncident { get; set; }

    /// <summary>How far back alerts group (ISO 8601 duration, at most 7 days).</summary>
    public string? LookbackDuration { get; set; }

    /// <summary>AllEntities, AnyAlert or Selected.</summary>
    public string? MatchingMethod { get; set; }

    /// <summary>With Selected: the mapped entity types that must match.</summary>
    public IList<string>? GroupByEntities { get; set; }

    /// <summary>With Selected: DisplayName and/or Severity.</summary>
    public IList<string>? GroupByAlertDetails { get; set; }

    /// <summary>With Selected: custom detail keys that must match (e.g. the audit session).</summary>
    public IList<string>? GroupByCustomDetails { get; set; }
}

/// <summary>One alert per run (SingleAlert) or per result row (AlertPerResult).</summary>
public sealed class EventGroupingDocument
{
    /// <summary>SingleAlert or AlertPerResult.</summary>
    public string? AggregationKind { get; set; }
}
