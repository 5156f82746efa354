using System.Text.Json;
using AuditSentinel.Functions.Hosting;
using AuditSentinel.Functions.Ingest;
using AuditSentinel.Functions.Protocol;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;
using Azure;

namespace AuditSentinel.Functions.Blobs;

/// <summary>
/// The BlobCreated function (Event Grid trigger): streams the new raw blob with the app's identity (gzip known by its
/// magic bytes), parses it and delivers the rows; every line ends in a row or in the dead-letter store. Idempotent
/// through a state marker per blob version in the dead-letter container (<see cref="BlobStateStore"/>), written
/// conditionally: a processed blob is never sent twice, of racing deliveries one attempt claims the blob and the
/// others are refused, and a blob that fails <see cref="HandlerSettings.BlobMaxAttempts"/> times ends in a
/// <see cref="PoisonRecord"/> with its rows dead-lettered. The raw blob is only read.
/// </summary>
public sealed class BlobCreatedFunction(IngestTargets targets, HandlerSettings settings, TimeProvider time, ILogger<BlobCreatedFunction> logger)
{
    /// <summary>The function name (its folder and route).</summary>
    public const string Name = "BlobCreated";

    /// <summary>The trigger's binding name in BlobCreated/function.json.</summary>
    public const string BindingName = "eventGridEvent";

    private readonly RawContainer _raw = new(settings.RawContainer);

    private readonly BlobStateStore _states = new(targets.DeadLetterContainer);

    /// <summary>Handles one delivery.</summary>
    /// <exception cref="InvalidInvocationException">The invocation is not a usable BlobCreated event.</exception>
    /// <exception cref="BlobBusyException">Another attempt owns the blob.</exception>
    public async Task<UnitSummary> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gridEvent = BlobCreatedEvent.Parse(request.Data(BindingName, JsonValueKind.Object));
        if (!gridEvent.IsBlobCreated)
        {
            return UnitSummary.NotRead(gridEvent.Id, "ignored-event:" + gridEvent.EventType);
        }

        var blob = BlobName(gridEvent);
        ETag version;
        try
        {
            version = (await targets.RawLogs.GetPropertiesAsync(blob, cancellationToken).ConfigureAwait(false)).ETag;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return UnitSummary.NotRead(blob, "blob-missing");
        }

        var marker = await _states.ReadAsync(blob, version, cancellationToken).ConfigureAwait(false);
        var state = marker.State;
        return state.Decide(time.GetUtcNow(), settings.BlobMaxAttempts, settings.BlobClaimDuration) switch
        {
            BlobDecision.AlreadyProcessed => UnitSummary.NotRead(blob, "skipped-processed"),
            BlobDecision.AlreadyPoisoned => UnitSummary.NotRead(blob, "skipped-poisoned"),
            BlobDecision.Busy => throw Busy(blob, state),
            BlobDecision.GiveUp => await GiveUpAsync(marker, state, version, state.LastError ?? "The last attempt did not finish (function timeout or the instance stopped).", cancellationToken).ConfigureAwait(false),
            _ => await AttemptAsync(marker, version, cancellationToken).ConfigureAwait(false),
        };
    }

    private string BlobName(BlobCreatedEvent gridEvent)
    {
        try
        {
            return _raw.BlobName(gridEvent.BlobUrl ?? throw new InvalidInvocationException($"The BlobCreated event {gridEvent.Id} has no data.url."));
        }
        catch (ArgumentException e)
        {
            throw new InvalidInvocationException(e.Message, e);
        }
    }

    private BlobBusyException Busy(string blob, BlobState state)
    {
        Log.BlobBusy(logger, blob, state.Started);
        return new BlobBusyException($"Blob {blob} is being processed by another attempt since {state.Started:O}.");
    }

    private async Task<UnitSummary> AttemptAsync(BlobStateMarker marker, ETag version, CancellationToken cancellationToken)
    {
        var blob = marker.Blob;
        marker = await WriteStateAsync(marker, marker.State.Start(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        try
        {
            var summary = await IngestAsync(blob, version, cancellationToken).ConfigureAwait(false);
            var outcome = $"lines={summary.Lines} rowsSent={summary.RowsSent} deadLettered={summary.DeadLetteredRows} rejected={summary.RejectedLines}";
            await WriteStateAsync(marker, marker.State.Complete(time.GetUtcNow(), outcome), cancellationToken).ConfigureAwait(false);
            return summary;
        }
        catch (Exception e) when (e is not BlobBusyException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            Log.BlobAttemptFailed(logger, e, blob, marker.State.Attempts, settings.BlobMaxAttempts);
            var failed = marker.State.Fail(e.Message);
            if (failed.Attempts >= settings.BlobMaxAttempts)
            {
                return await GiveUpAsync(marker, failed, version, e.Message, cancellationToken).ConfigureAwait(false);
            }

            await WriteStateAsync(marker, failed, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<UnitSummary> IngestAsync(string blob, ETag version, CancellationToken cancellationToken)
    {
        var rows = new LogsIngestionSink(targets.Delivery, SourceName(blob));
        await using (rows.ConfigureAwait(false))
        {
            var report = await ReadAsync(blob, version, rows, cancellationToken).ConfigureAwait(false);
            return UnitSummary.Ingested(report, rows.Statistics);
        }
    }

    /// <summary>Reads the blob's version into <paramref name="rows"/>; rejected lines go to the dead-letter store.</summary>
    private async Task<IngestReport> ReadAsync(string blob, ETag version, IRowSink rows, CancellationToken cancellationToken)
    {
        var stream = await targets.RawLogs.OpenReadAsync(blob, version, cancellationToken).ConfigureAwait(false);
        var source = new IngestSource(SourceName(blob), SourceKind.Blob);
        return await LogIngestion.IngestStreamAsync(stream, source, targets.Options, rows, new DeadLetterRejectedLineSink(targets.Delivery), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives up on the blob; <paramref name="state"/> is its state now (the marker may still hold the one before).</summary>
    private async Task<UnitSummary> GiveUpAsync(BlobStateMarker marker, BlobState state, ETag version, string reason, CancellationToken cancellationToken)
    {
        var blob = marker.Blob;
        marker = await WriteStateAsync(marker, state.Claim(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var (salvaged, salvageError) = await SalvageAsync(blob, version, reason, cancellationToken).ConfigureAwait(false);
        var record = new PoisonRecord(blob, state.Attempts, reason, time.GetUtcNow(), salvaged?.DeadLetteredRows ?? 0, salvageError);
        using (var json = new MemoryStream(record.ToJson()))
        {
            await targets.DeadLetterContainer.UploadAsync(record.Name, json, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await WriteStateAsync(marker, marker.State.Poison(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        Log.BlobPoisoned(logger, blob, state.Attempts, reason, record.Name, record.SalvagedRows, salvageError);
        return salvaged ?? UnitSummary.NotRead(SourceName(blob), "poisoned");
    }

    private async Task<BlobStateMarker> WriteStateAsync(BlobStateMarker marker, BlobState next, CancellationToken cancellationToken)
    {
        try
        {
            return await _states.WriteAsync(marker, next, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobBusyException e)
        {
            Log.BlobStateConflict(logger, marker.Blob, e.Message);
            throw;
        }
    }

    /// <summary>Reads the blob once more, sending nothing: every row goes to the dead-letter store for replay.</summary>
    private async Task<(UnitSummary? Summary, string? Error)> SalvageAsync(string blob, ETag version, string reason, CancellationToken cancellationToken)
    {
        var rows = new DeadLetterRowSink(targets.Delivery, SourceName(blob), "poison", reason);
        try
        {
            var report = await ReadAsync(blob, version, rows, cancellationToken).ConfigureAwait(false);
            return (UnitSummary.Ingested(report, new DeliveryStatistics(), "poisoned") with { DeadLetteredRows = rows.DeadLetteredRows }, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, e.Message);
        }
    }

    private static string SourceName(string blob) => Uri.UnescapeDataString(blob);
}
