using Azure.Core;

namespace AuditSentinel.Azure.Ingestion;

/// <summary>
/// Pipeline options for <see cref="LogsIngestionClient"/>. Retries (including Retry-After on 429/503)
/// come from <see cref="ClientOptions.Retry"/>, set to <see cref="PatientRetries"/> because a batch that still fails
/// ends in the dead-letter store and waits for a manual replay; tests shorten the delays there.
/// </summary>
public sealed class LogsIngestionClientOptions : ClientOptions
{
    /// <summary>Options with the patient retry policy.</summary>
    public LogsIngestionClientOptions() => PatientRetries.Apply(Retry);

    /// <summary>The Logs Ingestion API version sent with every call.</summary>
    public string ApiVersion { get; set; } = "2023-01-01";

    /// <summary>The token scope; the default is the public cloud's Azure Monitor audience.</summary>
    public string Scope { get; set; } = "https://monitor.azure.com//.default";
}
