using AuditSentinel.Azure;
using AuditSentinel.Azure.Blobs;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.Functions.Hosting;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;

namespace AuditSentinel.Functions.Ingest;

/// <summary>
/// The clients both functions share for the life of the process (connection pools and token caches live here):
/// the raw-logs container, the dead-letter container and store, and the Logs Ingestion delivery target.
/// </summary>
public sealed class IngestTargets
{
    /// <summary>Builds the clients from the settings, authenticated as <paramref name="access"/> says.</summary>
    public IngestTargets(HandlerSettings settings, AzureAccess access)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(access);
        RawLogs = new BlobContainerAccess(settings.RawContainer, access.Credential, access.Configure(new BlobAccessOptions()));
        DeadLetterContainer = new BlobContainerAccess(settings.DeadLetterContainer, access.Credential, access.Configure(new BlobAccessOptions()));
        DeadLetters = new BlobDeadLetterStore(DeadLetterContainer);
        Delivery = new DeliveryTarget(settings.IngestionEndpoint, access.Credential, settings.DataCollectionRuleId, DeadLetters, access.Configure(new LogsIngestionClientOptions()));
        Options = new IngestOptions { RedactTty = settings.RedactTty };
    }

    /// <summary>The raw-logs container, only read (the state markers live in the dead-letter container).</summary>
    public BlobContainerAccess RawLogs { get; }

    /// <summary>The dead-letter container (dead-letter items under dead-letter/, poison records under poison/).</summary>
    public BlobContainerAccess DeadLetterContainer { get; }

    /// <summary>The dead-letter store in <see cref="DeadLetterContainer"/>.</summary>
    public IDeadLetterStore DeadLetters { get; }

    /// <summary>The data collection rule the rows go to.</summary>
    public DeliveryTarget Delivery { get; }

    /// <summary>Pipeline settings.</summary>
    public IngestOptions Options { get; }
}
