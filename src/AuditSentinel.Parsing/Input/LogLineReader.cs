using System.Buffers;
using System.IO.Compression;

namespace AuditSentinel.Parsing.Input;

/// <summary>
/// Streams lines out of a log with one pooled buffer: plain or gzip (recognised by its magic bytes), <c>\n</c> or
/// <c>\r\n</c> endings, a final line without a terminator. Reads asynchronously a buffer at a time and hands out
/// lines synchronously, so the per-line cost is a scan for the next newline.
/// </summary>
/// <example><code>
/// await using var reader = await LogLineReader.OpenAsync(stream, ct);
/// while (await reader.FillAsync(ct))
///     while (reader.TryReadLine(out var line)) { ... }
/// </code></example>
public sealed class LogLineReader : IAsyncDisposable, IDisposable
{
    /// <summary>The default longest line kept whole: far above the kernel's 8 KiB record limit.</summary>
    public const int DefaultMaxLineLength = 1 << 20;

    private const int MinimumRead = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _skippingRestOfLongLine;
    private long _lineNumber;
    private long _bytesRead;

    private LogLineReader(Stream stream, int maxLineLength, byte[] initial, int initialLength)
    {
        _stream = stream;
        _maxLineLength = maxLineLength;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(MinimumRead * 4, initialLength));
        initial.AsSpan(0, initialLength).CopyTo(_buffer);
        _end = initialLength;
    }

    /// <summary>Lines handed out so far.</summary>
    public long LinesRead => _lineNumber;

    /// <summary>Bytes read from the (decompressed) stream so far.</summary>
    public long BytesRead => _bytesRead;

    /// <summary>Opens a reader, decompressing when the stream starts with the gzip magic bytes.</summary>
    /// <param name="stream">The source; the reader owns and disposes it.</param>
    /// <param name="maxLineLength">Lines longer than this are cut and flagged <see cref="LogLine.Truncated"/>.</param>
    /// <param name="cancellationToken">Cancels the first read.</param>
    public static async ValueTask<LogLineReader> OpenAsync(Stream stream, int maxLineLength = DefaultMaxLineLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[2];
        var got = 0;
        while (got < 2)
        {
            var n = await stream.ReadAsync(head.AsMemory(got), cancellationToken);
            if (n == 0)
            {
                break;
            }

            got += n;
        }

        if (got == 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            var rest = new PrefixedStream(head, stream);
            return new LogLineReader(new GZipStream(rest, CompressionMode.Decompress), maxLineLength, [], 0);
        }

        return new LogLineReader(stream, maxLineLength, head, got) { _bytesRead = got };
    }

    /// <summary>Opens a file for reading; gzip is recognised by content, not by name.</summary>
    public static ValueTask<LogLineReader> OpenFileAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous | FileOptions.SequentialScan), DefaultMaxLineLength, cancellationToken);

    /// <summary>Reads more of the stream when no whole line is buffered.</summary>
    /// <returns>False when the stream is exhausted and every line has been handed out.</returns>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken = default)
    {
        if (HasWholeLine())
        {
            return true;
        }

        if (_endOfStream)
        {
            return _start < _end;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < MinimumRead)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            _endOfStream = true;
            return _start < _end;
        }

        _end += read;
        _bytesRead += read;
        return true;
    }

    /// <summary>Hands out the next buffered line, if a whole one (or the last, unterminated one) is there.</summary>
    public bool TryReadLine(out LogLine line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (_skippingRestOfLongLine && !_endOfStream)
                {
                    _start = _end;
                    line = default;
                    return false;
                }

                if (pending.Length > _maxLineLength)
                {
                    line = CutLongLine();
                    return true;
                }

                if (!_endOfStream || pending.IsEmpty)
                {
                    line = default;
                    return false;
                }

                newline = pending.Length;
            }

            var lineStart = _start;
            _start = Math.Min(_end, _start + newline + 1);
            if (_skippingRestOfLongLine)
            {
                _skippingRestOfLongLine = false;
                continue;
            }

            var length = newline > 0 && pending[newline - 1] == (byte)'\r' ? newline - 1 : newline;
            var truncated = length > _maxLineLength;
            line = new LogLine(_buffer.AsMemory(lineStart, Math.Min(length, _maxLineLength)), ++_lineNumber, truncated);
            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        ReturnBuffer();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        ReturnBuffer();
    }

    private bool HasWholeLine() => _buffer.AsSpan(_start, _end - _start).Contains((byte)'\n');

    // A line over the limit is handed out cut to the limit; the rest up to its newline is skipped.
    private LogLine CutLongLine()
    {
        var line = new LogLine(_buffer.AsMemory(_start, _maxLineLength), ++_lineNumber, Truncated: true);
        _start += _maxLineLength;
        _skippingRestOfLongLine = true;
        return line;
    }

    private void ReturnBuffer()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
