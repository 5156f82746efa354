using AuditSentinel.Azure.Ingestion;

namespace AuditSentinel.Azure.DeadLetters;

/// <summary>What a replay did: items fully delivered and deleted, items kept (with only their failed rows), items that cannot be replayed.</summary>
public sealed record DeadLetterReplayResult(int Delivered, int Kept, int NotReplayable);

/// <summary>Re-sends dead-letter items to their streams and deletes only what was delivered.</summary>
public static class DeadLetterReplayer
{
    /// <summary>
    /// Replays every item. An item whose rows all arrive is deleted; an item with failed rows is replaced
    /// by one holding only those rows and the new error; rejected input (no stream) is left alone.
    /// </summary>
    public static async Task<DeadLetterReplayResult> ReplayAsync(IDeadLetterStore store, LogsIngestionClient client, int maxConcurrency = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(client);
        int delivered = 0, kept = 0, notReplayable = 0;
        await foreach (var id in store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var item = await store.ReadAsync(id, cancellationToken).ConfigureAwait(false);
            if (item.Info.Stream is not { Length: > 0 } stream)
            {
                notReplayable++;
                continue;
            }

            var failed = new List<ReadOnlyMemory<byte>>();
            var errors = new List<string>();
            var options = new LogsUploadOptions { MaxConcurrency = maxConcurrency };
            options.UploadFailed += args =>
            {
                lock (failed)
                {
                    failed.AddRange(args.FailedLogs.Cast<ReadOnlyMemory<byte>>());
                    errors.Add(args.Exception.Message);
                }

                return Task.CompletedTask;
            };
            await client.UploadAsync(item.Info.RuleId, stream, item.Rows, options, cancellationToken).ConfigureAwait(false);
            if (failed.Count > 0)
            {
                var info = item.Info with { Error = string.Join(Environment.NewLine, errors), CreatedUtc = DateTimeOffset.UtcNow };
                await store.WriteAsync(info, failed, cancellationToken).ConfigureAwait(false);
                kept++;
            }
            else
            {
                delivered++;
            }

            await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return new DeadLetterReplayResult(delivered, kept, notReplayable);
    }
}
