using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using Azure.Core;

namespace AuditSentinel.Pipeline.Delivery;

/// <summary>
/// Where rows go: a data collection rule behind a Logs Ingestion endpoint, and the dead-letter store for what cannot
/// be delivered. Create one per process and share it (the client holds the connection pool and the token cache);
/// create a <see cref="LogsIngestionSink"/> per unit of input.
/// </summary>
public sealed class DeliveryTarget
{
    /// <summary>Builds the client with retry counting added to <paramref name="clientOptions"/> (retry and transport settings come from there).</summary>
    /// <param name="endpoint">The data collection endpoint, or a Direct DCR's logsIngestion endpoint.</param>
    /// <param name="credential">An Entra ID credential holding Monitoring Metrics Publisher on the DCR.</param>
    /// <param name="ruleId">The DCR's immutable id (<c>dcr-...</c>).</param>
    /// <param name="deadLetters">Where failed batches and rejected input lines are kept.</param>
    /// <param name="clientOptions">Pipeline options (retries, timeouts, transport); defaults when null.</param>
    public DeliveryTarget(Uri endpoint, TokenCredential credential, string ruleId, IDeadLetterStore deadLetters, LogsIngestionClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        Client = CreateClient(endpoint, credential, clientOptions);
        RuleId = ruleId;
        DeadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
    }

    /// <summary>
    /// A client whose calls and retries are counted into the <see cref="DeliveryStatistics"/> of the flow that makes
    /// them (<see cref="DeliveryStatistics.CountCalls"/>); what replay uses, since dead-letter items carry their own rule id.
    /// </summary>
    public static LogsIngestionClient CreateClient(Uri endpoint, TokenCredential credential, LogsIngestionClientOptions? clientOptions = null)
    {
        clientOptions ??= new LogsIngestionClientOptions();
        clientOptions.AddPolicy(DeliveryStatisticsPolicy.Shared, HttpPipelinePosition.PerRetry);
        return new LogsIngestionClient(endpoint, credential, clientOptions);
    }

    /// <summary>The client (also what <see cref="DeadLetterReplayer"/> re-sends with).</summary>
    public LogsIngestionClient Client { get; }

    /// <summary>The DCR immutable id.</summary>
    public string RuleId { get; }

    /// <summary>The dead-letter store.</summary>
    public IDeadLetterStore DeadLetters { get; }
}
