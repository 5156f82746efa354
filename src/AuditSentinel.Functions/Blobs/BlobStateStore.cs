using AuditSentinel.Azure.Blobs;
using Azure;

namespace AuditSentinel.Functions.Blobs;

/// <summary>
/// Raw blob state markers: an empty blob <c>state/{raw blob name}</c> in the dead-letter container whose metadata is
/// the <see cref="BlobState"/>. Keeping the state there leaves the raw container read-only for the function (it
/// cannot alter the evidence it ingests). Every write is conditional: a marker is created with If-None-Match: * and
/// updated with If-Match on the ETag it was read with, so of deliveries racing for a blob exactly one claims it.
/// </summary>
public sealed class BlobStateStore(BlobContainerAccess deadLetterContainer)
{
    /// <summary>The folder of markers in the dead-letter container.</summary>
    public const string Prefix = "state/";

    /// <summary>The marker's name for the raw blob <paramref name="blob"/>.</summary>
    public static string MarkerName(string blob) => Prefix + blob;

    /// <summary>
    /// The state of the version <paramref name="rawBlob"/> of <paramref name="blob"/>: fresh when there is no marker
    /// yet or the marker is about an earlier upload of the same name.
    /// </summary>
    public async Task<BlobStateMarker> ReadAsync(string blob, ETag rawBlob, CancellationToken cancellationToken)
    {
        try
        {
            var marker = await deadLetterContainer.GetPropertiesAsync(MarkerName(blob), cancellationToken).ConfigureAwait(false);
            var stored = BlobState.From(marker.Metadata);
            return new BlobStateMarker(blob, stored.Describes(rawBlob) ? stored : BlobState.For(rawBlob), marker.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new BlobStateMarker(blob, BlobState.For(rawBlob), null);
        }
    }

    /// <summary>Replaces <paramref name="marker"/>'s state with <paramref name="next"/> unless someone wrote the marker since.</summary>
    /// <exception cref="BlobBusyException">Another attempt wrote the marker first; nothing was written.</exception>
    public async Task<BlobStateMarker> WriteAsync(BlobStateMarker marker, BlobState next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(next);
        var name = MarkerName(marker.Blob);
        try
        {
            var etag = marker.ETag is { } current
                ? await deadLetterContainer.SetMetadataAsync(name, next.Metadata, current, cancellationToken).ConfigureAwait(false)
                : await deadLetterContainer.CreateIfAbsentAsync(name, next.Metadata, cancellationToken).ConfigureAwait(false);
            return marker with { State = next, ETag = etag };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // 409 BlobAlreadyExists: another attempt created the marker; 412 ConditionNotMet: it updated it.
            throw new BlobBusyException($"Another attempt changed the state of blob {marker.Blob} first ({e.Status}).", e);
        }
    }
}
