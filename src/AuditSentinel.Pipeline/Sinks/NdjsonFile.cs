using System.Buffers;

namespace AuditSentinel.Pipeline.Sinks;

/// <summary>
/// One NDJSON file written through its own buffer: a row and its newline are one copy into the buffer, which goes to
/// the file in one write when full, instead of two calls through the file stream's layers per row.
/// </summary>
internal sealed class NdjsonFile : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;

    // bufferSize 0: the stream does not buffer again what arrives here already in large blocks.
    private readonly FileStream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;

    /// <summary>Creates or replaces the file.</summary>
    internal NdjsonFile(string path) => _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>Appends <paramref name="line"/> and a newline.</summary>
    internal void AppendLine(ReadOnlySpan<byte> line)
    {
        if (_buffer.Length - _length <= line.Length)
        {
            WriteBuffered();
            if (_buffer.Length <= line.Length)
            {
                // A row larger than the buffer goes straight to the file.
                _stream.Write(line);
                _buffer[_length++] = (byte)'\n';
                return;
            }
        }

        line.CopyTo(_buffer.AsSpan(_length));
        _length += line.Length;
        _buffer[_length++] = (byte)'\n';
    }

    /// <summary>Writes what is buffered and flushes the file.</summary>
    internal async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken);
        _length = 0;
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>Writes what is buffered and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stream.WriteAsync(_buffer.AsMemory(0, _length));
        _length = 0;
        await _stream.DisposeAsync();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void WriteBuffered()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}
