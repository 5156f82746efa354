using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AuditSentinel.Azure.Ingestion;

/// <summary>
/// Sends rows to a data collection rule stream through the Logs Ingestion API, mirroring
/// Azure.Monitor.Ingestion's <c>LogsIngestionClient</c>: batches of at most 1 MiB of uncompressed JSON,
/// gzip on the wire, bounded concurrency, retries by the Azure.Core pipeline, and failed batches reported
/// through <see cref="LogsUploadOptions.UploadFailed"/> or, without a handler, an <see cref="AggregateException"/>.
/// </summary>
public sealed class LogsIngestionClient
{
    /// <summary>
    /// Column added to a row whose string fields had to be cut to make it fit one call: a comma-separated
    /// list of the cut fields. Declare it (string) in the DCR stream and table to keep the flag.
    /// </summary>
    public const string TruncatedFieldsColumn = "TruncatedFields";

    /// <summary>The most uncompressed JSON one call carries (1 MiB, as the official client): a JSON array of rows joined by commas.</summary>
    public const int MaxBatchBytes = RowBatch.MaxBytes;

    private const string ReflectionSerialization =
        "Rows are serialized by reflection over their runtime type; trimmed and NativeAOT callers upload rows they serialized themselves (the ReadOnlyMemory<byte> overload).";

    private static readonly StatusCodeClassifier Success = new(stackalloc ushort[] { 204 });
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _apiVersion;

    /// <summary>Creates a client for a data collection endpoint (or a Direct DCR's logsIngestion endpoint).</summary>
    public LogsIngestionClient(Uri endpoint, TokenCredential credential, LogsIngestionClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new LogsIngestionClientOptions();
        _endpoint = endpoint;
        _apiVersion = options.ApiVersion;
        _pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, options.Scope));
    }

    /// <summary>Serializes each row once (with <see cref="LogsUploadOptions.Serializer"/> or System.Text.Json) and uploads it.</summary>
    [RequiresUnreferencedCode(ReflectionSerialization)]
    [RequiresDynamicCode(ReflectionSerialization)]
    public Task UploadAsync<T>(string ruleId, string streamName, IEnumerable<T> logs, LogsUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var serializer = options?.Serializer;
        return UploadRowsAsync(ruleId, streamName, Serialize(logs, serializer, cancellationToken), options, cancellationToken);
    }

    /// <summary>
    /// Uploads rows that are already serialized JSON objects (UTF-8), sent as they are. The memory must stay
    /// unchanged until the returned task completes; failed rows come back as the same <see cref="ReadOnlyMemory{T}"/> values.
    /// </summary>
    public Task UploadAsync(string ruleId, string streamName, IEnumerable<ReadOnlyMemory<byte>> jsonRows, LogsUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jsonRows);
        return UploadRowsAsync(ruleId, streamName, jsonRows.Select(static row => new PendingRow(row, row)), options, cancellationToken);
    }

    /// <summary>Protocol method: sends <paramref name="content"/> (a JSON array, optionally gzip) as one call.</summary>
    public Response Upload(string ruleId, string streamName, RequestContent content, string? contentEncoding = null, RequestContext? context = null)
    {
        using var message = CreateMessage(ruleId, streamName, content, contentEncoding, context);
        _pipeline.Send(message, context?.CancellationToken ?? default);
        return Complete(message, context);
    }

    /// <summary>Protocol method: sends <paramref name="content"/> (a JSON array, optionally gzip) as one call.</summary>
    public async Task<Response> UploadAsync(string ruleId, string streamName, RequestContent content, string? contentEncoding = null, RequestContext? context = null)
    {
        using var message = CreateMessage(ruleId, streamName, content, contentEncoding, context);
        await _pipeline.SendAsync(message, context?.CancellationToken ?? default).ConfigureAwait(false);
        return Complete(message, context);
    }

    [RequiresUnreferencedCode(ReflectionSerialization)]
    [RequiresDynamicCode(ReflectionSerialization)]
    private static IEnumerable<PendingRow> Serialize<T>(IEnumerable<T> logs, global::Azure.Core.Serialization.ObjectSerializer? serializer, CancellationToken cancellationToken)
    {
        foreach (var log in logs)
        {
            ArgumentNullException.ThrowIfNull(log, nameof(logs));
            var json = serializer is null
                ? JsonSerializer.SerializeToUtf8Bytes(log, log.GetType())
                : serializer.Serialize(log, log.GetType(), cancellationToken).ToMemory();
            yield return new PendingRow(log, json);
        }
    }

    private async Task UploadRowsAsync(string ruleId, string streamName, IEnumerable<PendingRow> rows, LogsUploadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        options ??= new LogsUploadOptions();
        var upload = new UploadRun(this, ruleId, streamName, options, cancellationToken);
        using var slots = new SemaphoreSlim(options.MaxConcurrency);
        var running = new List<Task>();

        async Task StartAsync(Func<Task> work)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            running.Add(RunAsync(work));
        }

        async Task RunAsync(Func<Task> work)
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }

        var batch = new List<PendingRow>();
        var length = 2;
        foreach (var row in rows)
        {
            var fitted = row;
            if (RowBatch.LengthWith(2, 0, row.Json.Length) > RowBatch.MaxBytes)
            {
                var cut = RowTruncator.TryFit(row.Json, RowBatch.MaxBytes - 2);
                if (cut is null)
                {
                    await upload.ReportAsync([row.Original], new InvalidOperationException(
                        $"A row of {row.Json.Length} bytes exceeds the {RowBatch.MaxBytes}-byte call limit and has no string field over {RowTruncator.MaxFieldBytes} bytes left to cut.")).ConfigureAwait(false);
                    continue;
                }

                fitted = row with { Json = cut };
            }

            if (batch.Count > 0 && RowBatch.LengthWith(length, batch.Count, fitted.Json.Length) > RowBatch.MaxBytes)
            {
                var full = new RowBatch(batch);
                await StartAsync(() => upload.DeliverAsync(full)).ConfigureAwait(false);
                batch = [];
                length = 2;
            }

            length = RowBatch.LengthWith(length, batch.Count, fitted.Json.Length);
            batch.Add(fitted);
        }

        if (batch.Count > 0)
        {
            var last = new RowBatch(batch);
            await StartAsync(() => upload.DeliverAsync(last)).ConfigureAwait(false);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        upload.ThrowIfFailed();
    }

    private HttpMessage CreateMessage(string ruleId, string streamName, RequestContent content, string? contentEncoding, RequestContext? context)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentNullException.ThrowIfNull(content);
        var message = _pipeline.CreateMessage(context, Success);
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/dataCollectionRules/", escape: false);
        request.Uri.AppendPath(ruleId, escape: true);
        request.Uri.AppendPath("/streams/", escape: false);
        request.Uri.AppendPath(streamName, escape: true);
        request.Uri.AppendQuery("api-version", _apiVersion, true);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        if (contentEncoding is not null)
        {
            request.Headers.Add("Content-Encoding", contentEncoding);
        }

        request.Content = content;
        return message;
    }

    private static Response Complete(HttpMessage message, RequestContext? context)
    {
        var response = message.Response;
        if (response.IsError && context?.ErrorOptions != ErrorOptions.NoThrow)
        {
            throw ServiceErrors.Create(response);
        }

        return response;
    }

    /// <summary>State of one UploadAsync call: delivers batches and collects what failed.</summary>
    private sealed class UploadRun(LogsIngestionClient client, string ruleId, string streamName, LogsUploadOptions options, CancellationToken cancellationToken)
    {
        private readonly ConcurrentQueue<Exception> _errors = new();

        /// <summary>Sends a batch; a 413 splits it in halves, any other failure reports its rows. Never throws but on cancellation.</summary>
        public async Task DeliverAsync(RowBatch batch)
        {
            try
            {
                using var content = RequestContent.Create(batch.ToGzipJson());
                await client.UploadAsync(ruleId, streamName, content, "gzip", new RequestContext { CancellationToken = cancellationToken }).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 413 && batch.Count > 1)
            {
                var (first, second) = batch.Split();
                await Task.WhenAll(DeliverAsync(first), DeliverAsync(second)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await ReportAsync(batch.Originals, e).ConfigureAwait(false);
            }
        }

        public async Task ReportAsync(IReadOnlyList<object> rows, Exception error)
        {
            if (!options.HasFailureHandler)
            {
                _errors.Enqueue(error);
                return;
            }

            try
            {
                await options.RaiseUploadFailedAsync(new LogsUploadFailedEventArgs(rows, error, cancellationToken)).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failing handler must not stop the other batches; it is rethrown at the end.
            catch (Exception handlerError)
#pragma warning restore CA1031
            {
                _errors.Enqueue(handlerError);
            }
        }

        public void ThrowIfFailed()
        {
            if (!_errors.IsEmpty)
            {
                throw new AggregateException($"{_errors.Count} batch(es) of stream {streamName} could not be uploaded.", _errors);
            }
        }
    }
}
