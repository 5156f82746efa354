using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Pipeline.Sinks;

/// <summary>
/// One NDJSON file written through its own buffer: each row is serialized straight into the buffer, which goes to the
/// file in one write when it holds a block, instead of two calls through the file stream's layers per row.
/// </summary>
internal sealed class NdjsonFile : IAsyncDisposable
{
    private const int WriteAt = 1 << 16;

    // bufferSize 0: the stream does not buffer again what arrives here already in large blocks.
    private readonly FileStream _stream;
    private readonly NdjsonRowBuffer _lines = new(WriteAt + (16 * 1024));

    /// <summary>Creates or replaces the file.</summary>
    internal NdjsonFile(string path) => _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>Appends <paramref name="row"/>'s JSON and a newline.</summary>
    internal void Append<TRow>(RowTable<TRow> table, TRow row)
    {
        _lines.Append(table, row);
        WriteFullBlock();
    }

    /// <summary>Appends <paramref name="line"/> and a newline.</summary>
    internal void AppendLine(ReadOnlySpan<byte> line)
    {
        _lines.AppendLine(line);
        WriteFullBlock();
    }

    /// <summary>Writes what is buffered and flushes the file.</summary>
    internal async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(_lines.Written, cancellationToken);
        _lines.Clear();
        await _stream.FlushAsync(cancellationToken);
    }

    /// <summary>Writes what is buffered and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stream.WriteAsync(_lines.Written);
        _lines.Clear();
        await _stream.DisposeAsync();
        _lines.Dispose();
    }

    private void WriteFullBlock()
    {
        if (_lines.Length >= WriteAt)
        {
            _stream.Write(_lines.Written.Span);
            _lines.Clear();
        }
    }
}
