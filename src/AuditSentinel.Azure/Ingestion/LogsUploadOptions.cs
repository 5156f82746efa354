using Azure.Core.Serialization;

namespace AuditSentinel.Azure.Ingestion;

/// <summary>Options for one <see cref="LogsIngestionClient"/> upload (mirrors Azure.Monitor.Ingestion).</summary>
public sealed class LogsUploadOptions
{
    private int _maxConcurrency = 5;

    /// <summary>How many batches are in flight at once (default 5, at least 1).</summary>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set => _maxConcurrency = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxConcurrency must be at least 1.");
    }

    /// <summary>Serializer for the typed overload; System.Text.Json defaults when null.</summary>
    public ObjectSerializer? Serializer { get; set; }

    /// <summary>
    /// Raised once per failed batch with exactly that batch's rows. When a handler is attached the upload
    /// does not throw for failed batches; exceptions thrown by the handler end in an AggregateException.
    /// </summary>
#pragma warning disable MA0046 // Async event with the official client's signature.
    public event Func<LogsUploadFailedEventArgs, Task>? UploadFailed;
#pragma warning restore MA0046

    internal bool HasFailureHandler => UploadFailed is not null;

    internal async Task RaiseUploadFailedAsync(LogsUploadFailedEventArgs args)
    {
        if (UploadFailed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<LogsUploadFailedEventArgs, Task>>())
            {
                await handler(args).ConfigureAwait(false);
            }
        }
    }
}
