using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes rows as JSON objects (NDJSON when asked) with one reused <see cref="Utf8JsonWriter"/>: no reflection, no
/// per-row writer. Not thread-safe: use one per pipeline.
/// </summary>
public sealed class RowJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _scratch = new(4096);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates a writer.</summary>
    public RowJsonWriter() => _writer = new Utf8JsonWriter(_scratch, Options);

    /// <summary>Writes one row as a JSON object followed by <c>\n</c>.</summary>
    /// <returns>The bytes written, newline included, so a caller can batch rows by size.</returns>
    public long WriteNdjson<TRow>(RowTable<TRow> table, TRow row, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        _writer.Reset(output);
        table.Write(_writer, row);
        _writer.Flush();
        var newline = output.GetSpan(1);
        newline[0] = (byte)'\n';
        output.Advance(1);
        return _writer.BytesCommitted + 1;
    }

    /// <summary>The row as a JSON object without a newline; the bytes are valid until the next call.</summary>
    public ReadOnlySpan<byte> Serialize<TRow>(RowTable<TRow> table, TRow row)
    {
        ArgumentNullException.ThrowIfNull(table);
        _scratch.ResetWrittenCount();
        _writer.Reset(_scratch);
        table.Write(_writer, row);
        _writer.Flush();
        return _scratch.WrittenSpan;
    }

    /// <summary>Writes rows as NDJSON to a stream.</summary>
    public async ValueTask WriteNdjsonAsync<TRow>(RowTable<TRow> table, IEnumerable<TRow> rows, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        const int FlushAt = 60 * 1024;
        var buffer = new ArrayBufferWriter<byte>(FlushAt + 4096);
        foreach (var row in rows)
        {
            WriteNdjson(table, row, buffer);
            if (buffer.WrittenCount >= FlushAt)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
