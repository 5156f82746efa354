using System.Buffers;
using System.Text;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Functions.Hosting;
using AuditSentinel.Functions.Ingest;
using AuditSentinel.Functions.Protocol;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;

namespace AuditSentinel.Functions.EventHubs;

/// <summary>
/// The EventHubIngest function (Event Hubs trigger, a batch of messages): each message is raw audit lines or a
/// forwarder's JSON record; every line becomes a row or a kept rejection, and before the function returns every row
/// is delivered or dead-lettered, because the host checkpoints the batch whatever the outcome. Events still open at
/// the batch's end are sent as partial rows; the next batch of the partition flags their remaining records partial too.
/// </summary>
public sealed class EventHubIngestFunction(IngestTargets targets, PartitionContinuations continuations, ILogger<EventHubIngestFunction> logger)
{
    /// <summary>The function name (its folder and route).</summary>
    public const string Name = "EventHubIngest";

    /// <summary>Handles one batch.</summary>
    /// <param name="body">The invocation body as received.</param>
    /// <param name="invocationId">The host's invocation id, naming the unit when the batch cannot be read.</param>
    /// <param name="cancellationToken">Cancels reading and delivery (undelivered rows are dead-lettered first).</param>
    /// <exception cref="InvalidInvocationException">The batch cannot be read; the body was kept in the dead-letter store.</exception>
    public async Task<UnitSummary> InvokeAsync(ReadOnlyMemory<byte> body, string invocationId, CancellationToken cancellationToken)
    {
        EventHubBatch batch;
        try
        {
            batch = EventHubBatch.From(InvocationRequest.Parse(body));
        }
        catch (InvalidInvocationException e)
        {
            await KeepUnreadableAsync(body, invocationId, e.Message, cancellationToken).ConfigureAwait(false);
            throw;
        }

        var source = new IngestSource(batch.SourceName, SourceKind.EventHub);
        var rows = new LogsIngestionSink(targets.Delivery, source.Name);
        await using (rows.ConfigureAwait(false))
        {
            using var session = new IngestSession(source, targets.Options, rows, new DeadLetterRejectedLineSink(targets.Delivery));
            session.ContinueFrom(continuations.Before(batch.EventHub, batch.Partition, batch.FirstSequenceNumber));
            AddLines(session, batch);
            var report = await session.CompleteAsync(inputContinues: true, cancellationToken).ConfigureAwait(false);
            continuations.After(batch.EventHub, batch.Partition, batch.LastSequenceNumber, session.CutEvents);
            return UnitSummary.Ingested(report, rows.Statistics);
        }
    }

    private static void AddLines(IngestSession session, EventHubBatch batch)
    {
        long lineNumber = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            foreach (var message in batch.Messages)
            {
                var decoded = ForwarderMessage.Decode(message.Body, message.Properties);
                foreach (var range in decoded.LineRanges())
                {
                    var line = decoded.Text.AsSpan()[range];
                    var length = Encoding.UTF8.GetMaxByteCount(line.Length);
                    if (length > buffer.Length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(length);
                    }

                    var written = Encoding.UTF8.GetBytes(line, buffer);
                    session.AddLine(buffer.AsSpan(0, written), ++lineNumber, decoded.Host);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Keeps a batch that cannot be read as one dead-letter item: the host checkpoints it anyway.</summary>
    private async Task KeepUnreadableAsync(ReadOnlyMemory<byte> body, string invocationId, string reason, CancellationToken cancellationToken)
    {
        var row = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(StringComparer.Ordinal) { ["invocation"] = Encoding.UTF8.GetString(body.Span) });
        var info = new DeadLetterInfo(targets.Delivery.RuleId, null, "Invocations", "rejected:invalid-invocation", reason, Name + "/" + invocationId, DateTimeOffset.UtcNow);
        var item = await targets.DeadLetters.WriteAsync(info, [row], cancellationToken).ConfigureAwait(false);
        Log.UnreadableBatchKept(logger, item);
    }
}
