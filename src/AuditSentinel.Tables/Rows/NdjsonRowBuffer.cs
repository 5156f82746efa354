namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Rows as NDJSON lines gathered in one buffer, each serialized in place, for a sink that writes them out in blocks
/// (a file): a row's JSON is written once, where it is sent from, rather than serialized and then copied. The buffer
/// grows for a row that does not fit and is pooled: dispose to give it back. Not thread-safe.
/// </summary>
public sealed class NdjsonRowBuffer : IDisposable
{
    private readonly RowJsonBuffer _json;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="capacity">The bytes to start with, e.g. the size the caller writes out at plus a few rows.</param>
    public NdjsonRowBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _json = new RowJsonBuffer(capacity);
    }

    /// <summary>The bytes gathered since <see cref="Clear"/>.</summary>
    public int Length => _json.Written.Length;

    /// <summary>The lines gathered since <see cref="Clear"/>, each ending in <c>\n</c>; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Written => _json.WrittenMemory;

    /// <summary>Appends <paramref name="row"/> as one line: its JSON object, as <see cref="RowJsonWriter"/> writes it, and <c>\n</c>.</summary>
    public void Append<TRow>(RowTable<TRow> table, TRow row)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Write(_json, row);
        _json.WriteLineEnd();
    }

    /// <summary>Appends a row that is JSON already, and <c>\n</c>.</summary>
    public void AppendLine(ReadOnlySpan<byte> rowJson)
    {
        _json.WriteRawValue(rowJson);
        _json.WriteLineEnd();
    }

    /// <summary>Empties the buffer (after its lines were written out).</summary>
    public void Clear() => _json.Clear();

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();
}
