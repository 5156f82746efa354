namespace AuditSentinel.Azure.Ingestion;

/// <summary>A batch that could not be delivered: its rows, as passed to the upload, and why.</summary>
public sealed class LogsUploadFailedEventArgs : EventArgs
{
    internal LogsUploadFailedEventArgs(IReadOnlyList<object> failedLogs, Exception exception, CancellationToken cancellationToken)
    {
        FailedLogs = failedLogs;
        Exception = exception;
        CancellationToken = cancellationToken;
    }

    /// <summary>The rows of the failed batch: the caller's objects, or <see cref="ReadOnlyMemory{T}"/> of bytes for pre-serialized rows.</summary>
    public IReadOnlyList<object> FailedLogs { get; }

    /// <summary>The last error (a <see cref="global::Azure.RequestFailedException"/> carries the service's error body).</summary>
    public Exception Exception { get; }

    /// <summary>The upload's cancellation token.</summary>
    public CancellationToken CancellationToken { get; }
}
