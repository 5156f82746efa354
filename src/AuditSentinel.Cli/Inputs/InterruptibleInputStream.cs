namespace AuditSentinel.Cli.Inputs;

/// <summary>
/// Standard input whose reads end when the command is cancelled. A read of the console's input stream ignores its
/// cancellation token, so Ctrl+C on <c>parse -</c> fed by a writer that keeps the pipe open would wait for the next
/// line or the end of the pipe. Here a cancelled read throws at once and leaves the pending read behind, writing into a
/// buffer of this stream's own (never the caller's, which may be pooled and reused), and the command ends as cancelled.
/// </summary>
internal sealed class InterruptibleInputStream(Stream inner) : Stream
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private Task<int>? _pending;
    private int _start;
    private int _end;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_start == _end)
        {
            _pending ??= inner.ReadAsync(_buffer, CancellationToken.None).AsTask();
            _end = await _pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            _start = 0;
            _pending = null;
        }

        var count = Math.Min(buffer.Length, _end - _start);
        _buffer.AsMemory(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // A read left pending by a cancellation still owns the console stream; it ends with the process.
        if (disposing && _pending is null)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
