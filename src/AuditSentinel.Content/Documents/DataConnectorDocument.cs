namespace AuditSentinel.Content.Documents;

/// <summary>A required data connector: its id and the tables the query reads.</summary>
public sealed class DataConnectorDocument
{
    /// <summary>The connector id.</summary>
    public string? ConnectorId { get; set; }

    /// <summary>The tables (data types) the query reads.</summary>
    public IList<string>? DataTypes { get; set; }
}
