using System.Collections.Concurrent;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using Azure;

namespace AuditSentinel.Pipeline.Delivery;

/// <summary>
/// Uploads the rows of one unit of input (a file, a blob, an Event Hubs batch) to their DCR streams
/// (<c>Custom-LinuxAuditEvents</c>, ... from the table declarations). Rows are copied into per-table chunks of one
/// call each; <see cref="FlushAsync"/> starts full chunks and waits while <see cref="DeliveryOptions.MaxConcurrency"/>
/// calls are in flight (back-pressure on the reader), and after a final flush every row is delivered or in the
/// dead-letter store. Failed batches and, on cancellation, every row not known to be delivered are dead-lettered, so
/// delivery is at least once (duplicates share their EventId). Write and FlushAsync are called by one caller at a time.
/// </summary>
public sealed class LogsIngestionSink : IRowSink, IAsyncDisposable
{
    private readonly DeliveryTarget _target;
    private readonly string _source;
    private readonly DeliveryOptions _options;
    private readonly Dictionary<string, RowChunk> _open = new(StringComparer.Ordinal);
    private readonly Queue<RowChunk> _ready = new();
    private readonly List<Task> _inFlight = [];
    private readonly ConcurrentQueue<Exception> _failures = new();

    /// <summary>Starts delivering one unit.</summary>
    /// <param name="target">The DCR, client and dead-letter store.</param>
    /// <param name="source">The unit's name, recorded with dead-lettered rows.</param>
    /// <param name="options">Concurrency; defaults when null.</param>
    public LogsIngestionSink(DeliveryTarget target, string source, DeliveryOptions? options = null)
    {
        _target = target ?? throw new ArgumentNullException(nameof(target));
        ArgumentException.ThrowIfNullOrEmpty(source);
        _source = source;
        _options = options ?? new DeliveryOptions();
    }

    /// <summary>What this unit's delivery did so far.</summary>
    public DeliveryStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public long DeadLetteredRows => Statistics.DeadLetteredRows;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The table has no declared stream.</exception>
    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        if (!_open.TryGetValue(table, out var chunk))
        {
            chunk = new RowChunk(table, TableStreams.StreamOf(table));
            _open.Add(table, chunk);
        }

        if (!chunk.TryAdd(rowJson))
        {
            _ready.Enqueue(chunk);
            chunk = chunk.Next();
            chunk.TryAdd(rowJson);
            _open[table] = chunk;
        }
    }

    /// <inheritdoc />
    /// <exception cref="AggregateException">Rows could be neither delivered nor dead-lettered (the dead-letter store failed).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; every row not known to be delivered was dead-lettered first.</exception>
    public async ValueTask FlushAsync(bool final, CancellationToken cancellationToken)
    {
        if (final)
        {
            foreach (var chunk in _open.Values)
            {
                _ready.Enqueue(chunk);
            }

            _open.Clear();
        }

        try
        {
            while (_ready.Count > 0 && _failures.IsEmpty)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_inFlight.Count >= _options.MaxConcurrency)
                {
                    await Task.WhenAny(_inFlight).ConfigureAwait(false);
                    _inFlight.RemoveAll(static t => t.IsCompleted);
                    continue;
                }

                // On the thread pool: the chunk's JSON array and its gzip (the upload's largest CPU cost) then overlap
                // the reading of the next rows instead of stopping it. The chunk is the task's alone; not passing the
                // token to Task.Run means the upload always starts, so a cancelled chunk is dead-lettered, not lost.
                var chunk = _ready.Dequeue();
                _inFlight.Add(Task.Run(() => UploadAsync(chunk, cancellationToken), CancellationToken.None));
            }

            if (final || !_failures.IsEmpty)
            {
                await DrainAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DeadLetterBufferedAsync("cancelled", "Delivery was cancelled before these rows were sent.").ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
            throw;
        }

        if (!_failures.IsEmpty)
        {
            throw new AggregateException(
                $"Rows from {_source} could be neither delivered nor dead-lettered ({_failures.Count} error(s)); the dead-letter store must be writable.",
                _failures);
        }
    }

    /// <summary>Waits for calls in flight and dead-letters rows still buffered (a unit abandoned without a final flush).</summary>
    public async ValueTask DisposeAsync()
    {
        await DeadLetterBufferedAsync("abandoned", "The unit ended without a final flush; these rows were never sent.").ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        await Task.WhenAll(_inFlight).ConfigureAwait(false);
        _inFlight.Clear();
    }

    private async Task DeadLetterBufferedAsync(string reason, string error)
    {
        var chunks = _ready.Concat(_open.Values).ToList();
        _ready.Clear();
        _open.Clear();
        foreach (var chunk in chunks)
        {
            using (chunk)
            {
                await DeadLetterOrRecordAsync(chunk.Table, chunk.Stream, chunk.Rows(), reason, error).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Delivers one chunk; never throws: what fails is dead-lettered or, failing that, recorded in <see cref="_failures"/>.</summary>
    private async Task UploadAsync(RowChunk chunk, CancellationToken cancellationToken)
    {
        using var _ = chunk;
        var rows = chunk.Rows();
        long failedRows = 0;
        var upload = new LogsUploadOptions { MaxConcurrency = 1 };
        upload.UploadFailed += async args =>
        {
            var failed = args.FailedLogs.Cast<ReadOnlyMemory<byte>>().ToList();
            await DeadLetterAsync(chunk.Table, chunk.Stream, failed, ReasonOf(args.Exception), args.Exception.Message).ConfigureAwait(false);
            Interlocked.Add(ref failedRows, failed.Count);
        };
        try
        {
            using (Statistics.CountCalls())
            {
                await _target.Client.UploadAsync(_target.RuleId, chunk.Stream, rows, upload, cancellationToken).ConfigureAwait(false);
            }

            Statistics.CountSent(chunk.Table, rows.Count - failedRows);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A chunk is one call: unless its failure was already dead-lettered, it may or may not have arrived.
            if (Interlocked.Read(ref failedRows) == 0)
            {
                await DeadLetterOrRecordAsync(chunk.Table, chunk.Stream, rows, "cancelled", "Delivery was cancelled while this batch was in flight; it may also have arrived.").ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Recorded and rethrown by FlushAsync, after the other chunks have finished.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failures.Enqueue(e);
        }
    }

    private async Task DeadLetterOrRecordAsync(string table, string stream, List<ReadOnlyMemory<byte>> rows, string reason, string error)
    {
        try
        {
            await DeadLetterAsync(table, stream, rows, reason, error).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Recorded and rethrown by FlushAsync.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failures.Enqueue(e);
        }
    }

    private async Task DeadLetterAsync(string table, string stream, List<ReadOnlyMemory<byte>> rows, string reason, string error)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var info = new DeadLetterInfo(_target.RuleId, stream, table, "upload-failed:" + reason, error, _source, DateTimeOffset.UtcNow);
        // Rows kept are the whole point of the store: write them even when the upload was cancelled.
        await _target.DeadLetters.WriteAsync(info, rows, CancellationToken.None).ConfigureAwait(false);
        Statistics.CountDeadLettered(info.Reason, rows.Count);
    }

    /// <summary>
    /// A short code: <c>http-403</c>, <c>network</c> (timeouts, broken connections), <c>auth</c> (no token could be
    /// had), or <c>unsendable</c> (a row too large to cut).
    /// </summary>
    private static string ReasonOf(Exception error) => error switch
    {
        RequestFailedException { Status: > 0 } failed => "http-" + failed.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        global::Azure.Identity.AuthenticationFailedException => "auth",
        RequestFailedException or IOException or TimeoutException or TaskCanceledException => "network",
        _ => "unsendable",
    };
}
