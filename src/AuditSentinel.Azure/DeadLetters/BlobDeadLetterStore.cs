using System.Runtime.CompilerServices;
using AuditSentinel.Azure.Blobs;

namespace AuditSentinel.Azure.DeadLetters;

/// <summary>Dead-letter items as blobs <c>{prefix}{id}.ndjson.gz</c> in a container (the function app's store).</summary>
public sealed class BlobDeadLetterStore(BlobContainerAccess container, string prefix = "dead-letter/") : IDeadLetterStore
{
    /// <inheritdoc />
    public async Task<string> WriteAsync(DeadLetterInfo info, IEnumerable<ReadOnlyMemory<byte>> rows, CancellationToken cancellationToken = default)
    {
        var id = DeadLetterFormat.NewId(info);
        using var buffer = new MemoryStream();
        DeadLetterFormat.Write(buffer, info, rows);
        buffer.Position = 0;
        await container.UploadAsync(NameOf(id), buffer, cancellationToken: cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in container.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (name.EndsWith(DeadLetterFormat.Extension, StringComparison.Ordinal))
            {
                yield return name[prefix.Length..^DeadLetterFormat.Extension.Length];
            }
        }
    }

    /// <inheritdoc />
    public async Task<DeadLetterItem> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        var stream = await container.OpenReadAsync(NameOf(id), cancellationToken).ConfigureAwait(false);
        using var copy = new MemoryStream();
        await using (stream.ConfigureAwait(false))
        {
            // An item is at most one batch; copying first keeps the network read asynchronous.
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        }

        copy.Position = 0;
        return DeadLetterFormat.Read(id, copy);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => container.DeleteAsync(NameOf(id), cancellationToken);

    private string NameOf(string id) => prefix + id + DeadLetterFormat.Extension;
}
