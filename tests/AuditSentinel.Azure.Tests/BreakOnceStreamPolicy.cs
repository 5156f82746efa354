using AuditSentinel.Azure.Blobs;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AuditSentinel.Azure.Tests;

/// <summary>Cuts the first GET body after <paramref name="bytesBeforeBreak"/> bytes, as a dropped connection would, and records request headers.</summary>
internal sealed class BreakOnceStreamPolicy(long bytesBeforeBreak) : HttpPipelinePolicy
{
    private int _broken;

    public List<(string? Range, string? IfMatch)> Gets { get; } = [];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (message.Request.Method != RequestMethod.Get || message.Response.ContentStream is null || message.Request.Uri.Query.Contains("comp", StringComparison.Ordinal))
        {
            return;
        }

        message.Request.Headers.TryGetValue("x-ms-range", out var range);
        message.Request.Headers.TryGetValue("If-Match", out var ifMatch);
        Gets.Add((range, ifMatch));
        if (Interlocked.Exchange(ref _broken, 1) == 0)
        {
            message.Response.ContentStream = new BreakingStream(message.Response.ContentStream, bytesBeforeBreak);
        }
    }

    private sealed class BreakingStream(Stream inner, long limit) : ForwardReadStream
    {
        private long _read;

        public override long Length => throw new NotSupportedException();

        protected override long BytesRead => _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= limit)
            {
                throw new IOException("Injected: connection reset mid-body.");
            }

            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - _read)], cancellationToken);
            _read += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
