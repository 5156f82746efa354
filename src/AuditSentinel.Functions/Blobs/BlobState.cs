using System.Globalization;
using System.Text;
using Azure;

namespace AuditSentinel.Functions.Blobs;

/// <summary>
/// What the blob function has done with one version of a raw blob (the raw blob's ETag): attempts so far, the start
/// of the attempt in progress, the last error, and the terminal markers processed or poisoned. It is kept as the
/// metadata (x-ms-meta-auditsentinel*) of the blob's marker in the dead-letter container (<see cref="BlobStateStore"/>),
/// so the raw container stays read-only for the function.
/// </summary>
public sealed record BlobState
{
    /// <summary>Metadata name of the raw blob's ETag: the version of the blob this state is about.</summary>
    public const string RawETagKey = "auditsentinelrawetag";

    /// <summary>Metadata name of the attempt counter.</summary>
    public const string AttemptsKey = "auditsentinelattempts";

    /// <summary>Metadata name of the start time of the attempt in progress.</summary>
    public const string StartedKey = "auditsentinelstarted";

    /// <summary>Metadata name of the processed marker (when, and the outcome).</summary>
    public const string ProcessedKey = "auditsentinelprocessed";

    /// <summary>Metadata name of the poison marker (when).</summary>
    public const string PoisonedKey = "auditsentinelpoisoned";

    /// <summary>Metadata name of the last failure's reason.</summary>
    public const string LastErrorKey = "auditsentinellasterror";

    private const int MaxErrorLength = 512;

    private readonly IReadOnlyDictionary<string, string> _metadata;

    private BlobState(IReadOnlyDictionary<string, string> metadata) => _metadata = metadata;

    /// <summary>Attempts started so far.</summary>
    public int Attempts => _metadata.TryGetValue(AttemptsKey, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>When the attempt in progress started, or null.</summary>
    public DateTimeOffset? Started => Time(StartedKey);

    /// <summary>True once the blob was ingested.</summary>
    public bool IsProcessed => _metadata.ContainsKey(ProcessedKey);

    /// <summary>True once the blob was given up on.</summary>
    public bool IsPoisoned => _metadata.ContainsKey(PoisonedKey);

    /// <summary>The last failure's reason, or null.</summary>
    public string? LastError => _metadata.GetValueOrDefault(LastErrorKey);

    /// <summary>The state as marker metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata => _metadata;

    /// <summary>Nothing done yet with the version <paramref name="rawBlob"/> of a raw blob.</summary>
    public static BlobState For(ETag rawBlob) =>
        new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [RawETagKey] = rawBlob.ToString() });

    /// <summary>Reads the state from a marker's metadata.</summary>
    public static BlobState From(IReadOnlyDictionary<string, string> metadata) =>
        new(new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// True if this state is about the version <paramref name="rawBlob"/>; a blob uploaded again under the same name
    /// has another ETag and starts afresh.
    /// </summary>
    public bool Describes(ETag rawBlob) => _metadata.TryGetValue(RawETagKey, out var etag) && string.Equals(etag, rawBlob.ToString(), StringComparison.Ordinal);

    /// <summary>An attempt starts now.</summary>
    public BlobState Start(DateTimeOffset now) => With((AttemptsKey, (Attempts + 1).ToString(CultureInfo.InvariantCulture)), (StartedKey, Format(now)));

    /// <summary>Work that is not an attempt (giving up) owns the blob from now, keeping duplicate deliveries away.</summary>
    public BlobState Claim(DateTimeOffset now) => With((StartedKey, Format(now)));

    /// <summary>The attempt in progress failed with <paramref name="error"/>.</summary>
    public BlobState Fail(string error) => With((StartedKey, null), (LastErrorKey, Sanitize(error)));

    /// <summary>The blob was ingested; <paramref name="outcome"/> is a short summary kept with the marker.</summary>
    public BlobState Complete(DateTimeOffset now, string outcome) => With((StartedKey, null), (ProcessedKey, Format(now) + " " + Sanitize(outcome)));

    /// <summary>The blob is given up on.</summary>
    public BlobState Poison(DateTimeOffset now) => With((StartedKey, null), (PoisonedKey, Format(now)));

    /// <summary>
    /// What to do with a delivery now: nothing for a processed or poisoned blob, wait while another attempt owns
    /// it (<paramref name="claim"/> since its start), give up after <paramref name="maxAttempts"/>, else try.
    /// </summary>
    public BlobDecision Decide(DateTimeOffset now, int maxAttempts, TimeSpan claim) => this switch
    {
        { IsProcessed: true } => BlobDecision.AlreadyProcessed,
        { IsPoisoned: true } => BlobDecision.AlreadyPoisoned,
        { Started: { } started } when now - started < claim => BlobDecision.Busy,
        _ when Attempts >= maxAttempts => BlobDecision.GiveUp,
        _ => BlobDecision.Attempt,
    };

    private BlobState With(params ReadOnlySpan<(string Key, string? Value)> changes)
    {
        var metadata = new Dictionary<string, string>(_metadata, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                metadata.Remove(key);
            }
            else
            {
                metadata[key] = value;
            }
        }

        return new BlobState(metadata);
    }

    private DateTimeOffset? Time(string key) =>
        _metadata.TryGetValue(key, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    // Metadata values travel as HTTP header values: printable ASCII on one line.
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxErrorLength));
        foreach (var c in text)
        {
            if (builder.Length == MaxErrorLength)
            {
                break;
            }

            builder.Append(c is >= ' ' and <= '~' ? c : ' ');
        }

        return builder.ToString().Trim();
    }
}

/// <summary>What the blob function does with one delivery of a BlobCreated event.</summary>
public enum BlobDecision
{
    /// <summary>Read, parse and upload the blob.</summary>
    Attempt,
    /// <summary>Another attempt owns the blob: fail so Event Grid delivers again later.</summary>
    Busy,
    /// <summary>The blob was ingested before: nothing is sent twice.</summary>
    AlreadyProcessed,
    /// <summary>The blob was given up on before.</summary>
    AlreadyPoisoned,
    /// <summary>Too many attempts: write the poison record.</summary>
    GiveUp,
}
