using System.Globalization;

namespace AuditSentinel.Functions.Hosting;

/// <summary>
/// The app settings the handler reads (README.md, Function app settings, lists them with their defaults). Missing or malformed
/// required settings stop the handler at start with a message naming the setting, instead of failing every
/// invocation later.
/// </summary>
public sealed class HandlerSettings
{
    /// <summary>The Logs Ingestion endpoint of the data collection rule (or its DCE).</summary>
    public required Uri IngestionEndpoint { get; init; }

    /// <summary>The immutable id of the data collection rule (dcr-...).</summary>
    public required string DataCollectionRuleId { get; init; }

    /// <summary>The raw-logs container: the only place the blob function reads from.</summary>
    public required Uri RawContainer { get; init; }

    /// <summary>The dead-letter container: failed batches, rejected lines, poison records.</summary>
    public required Uri DeadLetterContainer { get; init; }

    /// <summary>Redact keystrokes typed at password prompts (default true).</summary>
    public bool RedactTty { get; init; } = true;

    /// <summary>How many times a blob is tried before it is declared poison (default 3).</summary>
    public int BlobMaxAttempts { get; init; } = 3;

    /// <summary>
    /// How long a started attempt owns its blob (default 30 minutes, host.json's functionTimeout): a duplicate
    /// delivery inside it is refused so Event Grid retries later; after it the attempt is taken as dead.
    /// </summary>
    public TimeSpan BlobClaimDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="InvalidOperationException">A required setting is missing or a value is malformed.</exception>
    public static HandlerSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new HandlerSettings
        {
            IngestionEndpoint = HttpsUri(configuration, "AUDITSENTINEL_INGESTION_ENDPOINT"),
            DataCollectionRuleId = Required(configuration, "AUDITSENTINEL_DCR_IMMUTABLE_ID"),
            RawContainer = HttpsUri(configuration, "AUDITSENTINEL_RAW_CONTAINER_URL"),
            DeadLetterContainer = HttpsUri(configuration, "AUDITSENTINEL_DEADLETTER_CONTAINER_URL"),
            RedactTty = Boolean(configuration, "AUDITSENTINEL_REDACT_TTY", defaultValue: true),
            BlobMaxAttempts = PositiveInt(configuration, "AUDITSENTINEL_BLOB_MAX_ATTEMPTS", defaultValue: 3),
            BlobClaimDuration = TimeSpan.FromMinutes(PositiveInt(configuration, "AUDITSENTINEL_BLOB_CLAIM_MINUTES", defaultValue: 30)),
        };
    }

    private static string Required(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value
            ? value.Trim()
            : throw new InvalidOperationException($"The app setting {name} is required (README.md, Function app settings).");

    private static Uri HttpsUri(IConfiguration configuration, string name)
    {
        var text = Required(configuration, name);
        // Tokens are only ever sent over TLS: Azure.Core's bearer policy refuses plain http as well.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"The app setting {name} must be an https URL, not '{text}'.");
        }

        return uri;
    }

    private static bool Boolean(IConfiguration configuration, string name, bool defaultValue) =>
        configuration[name] switch
        {
            null or "" => defaultValue,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new InvalidOperationException($"The app setting {name} must be true or false, not '{text}'."),
        };

    private static int PositiveInt(IConfiguration configuration, string name, int defaultValue) =>
        configuration[name] switch
        {
            null or "" => defaultValue,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
            var text => throw new InvalidOperationException($"The app setting {name} must be a positive whole number, not '{text}'."),
        };
}
