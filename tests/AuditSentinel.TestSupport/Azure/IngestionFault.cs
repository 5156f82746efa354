namespace AuditSentinel.TestSupport.Azure;

/// <summary>What the in-process Logs Ingestion endpoint does instead of accepting a call.</summary>
public enum IngestionFaultKind
{
    Throttled429,
    ServerError500,
    Unavailable503,
    Timeout,
    ConnectionReset,
    TooLarge413,
    BadRequest400,
    Forbidden403,
}

/// <summary>A fault; <paramref name="RetryAfterSeconds"/> is sent as Retry-After with 429/503.</summary>
public sealed record IngestionFault(IngestionFaultKind Kind, int RetryAfterSeconds = 0)
{
    public bool IsTransient => Kind is not (IngestionFaultKind.BadRequest400 or IngestionFaultKind.Forbidden403 or IngestionFaultKind.TooLarge413);
}
