namespace AuditSentinel.Content;

/// <summary>Where each kind of content lives under kql/.</summary>
public static class ContentFolders
{
    /// <summary>Scheduled analytic rules, one YAML file per rule.</summary>
    public const string AnalyticRules = "analytic-rules";

    /// <summary>Hunting queries, one YAML file per query.</summary>
    public const string Hunting = "hunting";

    /// <summary>Parser functions (LinuxAuditEvents, ...), one YAML file per function.</summary>
    public const string Parsers = "parsers";

    /// <summary>ASIM parser functions, one YAML file per function.</summary>
    public const string Asim = "asim";
}
