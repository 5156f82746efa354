namespace AuditSentinel.Content.Documents;

/// <summary>A hunting query in the Azure-Sentinel YAML format (one file per query under kql/hunting).</summary>
public sealed class HuntingQueryDocument
{
    /// <summary>The query's GUID: the saved search's resource name.</summary>
    public string? Id { get; set; }

    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>What the query finds and how to read its results.</summary>
    public string? Description { get; set; }

    /// <summary>The data the query needs.</summary>
    public IList<DataConnectorDocument>? RequiredDataConnectors { get; set; }

    /// <summary>ATT&amp;CK tactics in Sentinel's spelling.</summary>
    public IList<string>? Tactics { get; set; }

    /// <summary>ATT&amp;CK technique and sub-technique ids.</summary>
    public IList<string>? RelevantTechniques { get; set; }

    /// <summary>The KQL query.</summary>
    public string? Query { get; set; }

    /// <summary>Optional entity mappings (for bookmarks).</summary>
    public IList<EntityMappingDocument>? EntityMappings { get; set; }

    /// <summary>The query's version (major.minor.patch).</summary>
    public string? Version { get; set; }

    /// <summary>Free-form authoring metadata of the format; not deployed.</summary>
    public IReadOnlyDictionary<string, object>? Metadata { get; set; }
}
