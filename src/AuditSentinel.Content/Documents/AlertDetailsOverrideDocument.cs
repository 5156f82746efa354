namespace AuditSentinel.Content.Documents;

/// <summary>Alert details taken from the result row: <c>{{Column}}</c> placeholders in the formats, or column names.</summary>
public sealed class AlertDetailsOverrideDocument
{
    /// <summary>The alert name, with <c>{{Column}}</c> placeholders.</summary>
    public string? AlertDisplayNameFormat { get; set; }

    /// <summary>The alert description, with <c>{{Column}}</c> placeholders.</summary>
    public string? AlertDescriptionFormat { get; set; }

    /// <summary>The column holding the alert's severity.</summary>
    public string? AlertSeverityColumnName { get; set; }

    /// <summary>The column holding the alert's tactics.</summary>
    public string? AlertTacticsColumnName { get; set; }

    /// <summary>Alert properties (ProductName, RemediationSteps, ...) taken from columns.</summary>
    public IList<AlertDynamicPropertyDocument>? AlertDynamicProperties { get; set; }
}

/// <summary>An alert property and the column holding its value.</summary>
public sealed class AlertDynamicPropertyDocument
{
    /// <summary>The alert property.</summary>
    public string? AlertProperty { get; set; }

    /// <summary>The result column.</summary>
    public string? Value { get; set; }
}
