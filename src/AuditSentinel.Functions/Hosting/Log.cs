using AuditSentinel.Functions.Ingest;

namespace AuditSentinel.Functions.Hosting;

/// <summary>The handler's log events: named properties, so Application Insights can filter and chart them.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{Function} {Source}: {Outcome}; {Lines} lines, {Events} events, {PartialEvents} partial, {RejectedLines} rejected, {RowsSent} rows sent, {DeadLetteredRows} dead-lettered, {Retries} retries")]
    public static partial void Unit(ILogger logger, string function, string source, string outcome, long lines, long events, long partialEvents, long rejectedLines, long rowsSent, long deadLetteredRows, long retries);

    [LoggerMessage(2, LogLevel.Warning, "{Function}: the invocation could not be read: {Reason}")]
    public static partial void InvalidInvocation(ILogger logger, string function, string reason);

    [LoggerMessage(3, LogLevel.Warning, "BlobCreated {Blob}: another attempt owns the blob since {Started}; failing so Event Grid delivers again later")]
    public static partial void BlobBusy(ILogger logger, string blob, DateTimeOffset? started);

    [LoggerMessage(4, LogLevel.Error, "BlobCreated {Blob}: attempt {Attempt} of {MaxAttempts} failed")]
    public static partial void BlobAttemptFailed(ILogger logger, Exception exception, string blob, int attempt, int maxAttempts);

    [LoggerMessage(5, LogLevel.Error, "BlobCreated {Blob}: given up after {Attempts} attempts ({Reason}); poison record {PoisonRecord}, {SalvagedRows} rows dead-lettered, salvage error: {SalvageError}")]
    public static partial void BlobPoisoned(ILogger logger, string blob, int attempts, string reason, string poisonRecord, long salvagedRows, string? salvageError);

    [LoggerMessage(6, LogLevel.Error, "{Function}: the invocation failed")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(7, LogLevel.Error, "EventHubIngest: an unreadable invocation was kept as dead-letter item {Item}")]
    public static partial void UnreadableBatchKept(ILogger logger, string item);

    [LoggerMessage(8, LogLevel.Warning, "BlobCreated {Blob}: {Reason}; failing so Event Grid delivers again later")]
    public static partial void BlobStateConflict(ILogger logger, string blob, string reason);

    public static void Unit(ILogger logger, string function, UnitSummary summary) =>
        Unit(logger, function, summary.Source, summary.Outcome, summary.Lines, summary.Events, summary.PartialEvents, summary.RejectedLines, summary.RowsSent, summary.DeadLetteredRows, summary.Retries);
}
