namespace AuditSentinel.Content.Documents;

/// <summary>One entity of an alert: its type and up to three identifiers, each from a result column.</summary>
public sealed class EntityMappingDocument
{
    /// <summary>Account, Host, IP, Process, File, ...</summary>
    public string? EntityType { get; set; }

    /// <summary>The identifiers and the columns they come from.</summary>
    public IList<FieldMappingDocument>? FieldMappings { get; set; }
}

/// <summary>An entity identifier and the result column holding its value.</summary>
public sealed class FieldMappingDocument
{
    /// <summary>The identifier (Name, NTDomain, HostName, Address, ...).</summary>
    public string? Identifier { get; set; }

    /// <summary>The result column.</summary>
    public string? ColumnName { get; set; }
}
