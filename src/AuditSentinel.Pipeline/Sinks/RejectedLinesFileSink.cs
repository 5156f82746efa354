using System.Text.Json;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Pipeline.Sinks;

/// <summary>Keeps rejected lines in a local NDJSON file, one <c>{source,line,reason,explanation,text}</c> object per line.</summary>
public sealed class RejectedLinesFileSink : IRejectedLineSink, IAsyncDisposable
{
    private readonly string _path;
    private FileStream? _file;
    private Utf8JsonWriter? _writer;

    /// <summary>The file is created on the first rejected line.</summary>
    public RejectedLinesFileSink(string path) => _path = path;

    /// <summary>Lines kept.</summary>
    public long Count { get; private set; }

    /// <inheritdoc />
    public void Reject(IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason)
    {
        ArgumentNullException.ThrowIfNull(source);
        _file ??= new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer ??= new Utf8JsonWriter(_file);
        RejectedLineJson.Write(_writer, source, lineNumber, line, reason);
        _writer.Flush();
        _writer.Reset();
        _file.WriteByte((byte)'\n');
        Count++;
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_file is not null)
        {
            await _file.FlushAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
