using Azure;

namespace AuditSentinel.Azure.Blobs;

/// <summary>
/// A forward-only read stream over a blob that, when the connection breaks mid-body, re-issues
/// <c>x-ms-range: bytes=N-</c> from the last byte delivered with <c>If-Match</c> on the first response's ETag,
/// so a blob that changed meanwhile fails with 412 instead of mixing two versions.
/// </summary>
internal sealed class ResumableBlobReadStream(BlobContainerAccess access, string name, BlobRange first, int maxResumes) : ForwardReadStream
{
    private Stream _body = first.Content;
    private long _position;
    private int _resumes;

    public override long Length => first.BlobLength;

    protected override long BytesRead => _position;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                var read = await _body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0 && _position < first.BlobLength)
                {
                    throw new IOException($"The download of {name} ended at byte {_position} of {first.BlobLength}.");
                }

                _position += read;
                return read;
            }
            catch (IOException e) when (!cancellationToken.IsCancellationRequested)
            {
                if (++_resumes > maxResumes)
                {
                    throw new IOException($"The download of {name} broke {_resumes} times; gave up at byte {_position}.", e);
                }

                await _body.DisposeAsync().ConfigureAwait(false);
                _body = (await access.GetRangeAsync(name, _position, first.ETag, cancellationToken).ConfigureAwait(false)).Content;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
        }

        base.Dispose(disposing);
    }
}
