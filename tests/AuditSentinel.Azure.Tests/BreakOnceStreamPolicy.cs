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

    private sealed class BreakingStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

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

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
