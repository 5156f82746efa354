using Azure.Core;

namespace AuditSentinel.Azure.Ingestion;

/// <summary>
/// Pipeline options for <see cref="LogsIngestionClient"/>. Retries (including Retry-After on 429/503)
/// come from <see cref="ClientOptions.Retry"/>; tests shorten the delays there.
/// </summary>
public sealed class LogsIngestionClientOptions : ClientOptions
{
    /// <summary>The Logs Ingestion API version sent with every call.</summary>
    public string ApiVersion { get; set; } = "2023-01-01";

    /// <summary>The token scope; the default is the public cloud's Azure Monitor audience.</summary>
    public string Scope { get; set; } = "https://monitor.azure.com//.default";
}
