using System.Buffers;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes rows as JSON objects (NDJSON when asked) into one reused buffer: no reflection, no per-row writer, output
/// byte for byte as <see cref="System.Text.Json.Utf8JsonWriter"/> with relaxed escaping. Not thread-safe: use one per
/// pipeline.
/// </summary>
public sealed class RowJsonWriter : IDisposable
{
    private readonly RowJsonBuffer _json = new();

    /// <summary>Writes one row as a JSON object followed by <c>\n</c>.</summary>
    /// <returns>The bytes written, newline included, so a caller can batch rows by size.</returns>
    public long WriteNdjson<TRow>(RowTable<TRow> table, TRow row, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var json = Serialize(table, row);
        var destination = output.GetSpan(json.Length + 1);
        json.CopyTo(destination);
        destination[json.Length] = (byte)'\n';
        output.Advance(json.Length + 1);
        return json.Length + 1;
    }

    /// <summary>The row as a JSON object without a newline; the bytes are valid until the next call.</summary>
    public ReadOnlySpan<byte> Serialize<TRow>(RowTable<TRow> table, TRow row)
    {
        ArgumentNullException.ThrowIfNull(table);
        _json.Clear();
        table.Write(_json, row);
        return _json.Written;
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
    public void Dispose() => _json.Dispose();
}
