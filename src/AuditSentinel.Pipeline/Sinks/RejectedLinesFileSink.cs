using System.Text.Json;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Pipeline.Sinks;

/// <summary>
/// Keeps rejected lines in a local NDJSON file, one object per line:
/// <c>{"source":..,"line":..,"reason":..,"explanation":..,"text":..}</c>. The text is the line as read (invalid UTF-8
/// replaced), so an operator can see and replay it.
/// </summary>
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
        _writer.WriteStartObject();
        _writer.WriteString("source"u8, source.Name);
        _writer.WriteNumber("line"u8, lineNumber);
        _writer.WriteString("reason"u8, RejectReasons.Code(reason));
        _writer.WriteString("explanation"u8, RejectReasons.Explain(reason));
        _writer.WriteString("text"u8, System.Text.Encoding.UTF8.GetString(line));
        _writer.WriteEndObject();
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
