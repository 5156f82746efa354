using System.Buffers;
using AuditSentinel.Azure.Ingestion;

namespace AuditSentinel.Pipeline.Delivery;

/// <summary>
/// Rows of one table copied into one pooled buffer, up to what a single Logs Ingestion call carries
/// (the same JSON array arithmetic as the client), so a chunk is delivered or fails as one batch.
/// </summary>
internal sealed class RowChunk : IDisposable
{
    private const int InitialCapacity = 16 * 1024;
    private readonly List<(int Start, int Length)> _rows = [];
    private byte[] _buffer;
    private int _used;
    private int _jsonLength = 2;

    /// <summary>A chunk that starts small, for a table not yet known to fill one.</summary>
    internal RowChunk(string table, string stream)
        : this(table, stream, InitialCapacity)
    {
    }

    private RowChunk(string table, string stream, int capacity)
    {
        Table = table;
        Stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    internal string Table { get; }

    internal string Stream { get; }

    /// <summary>
    /// The chunk that follows this full one, with room for as much from the start: a table that filled one chunk
    /// fills the next, and growing it again would copy its rows a second time.
    /// </summary>
    internal RowChunk Next() => new(Table, Stream, Math.Min(_used, LogsIngestionClient.MaxBatchBytes));

    /// <summary>Copies the row in unless it would take the chunk past one call; an empty chunk takes any row (the client cuts oversized ones).</summary>
    internal bool TryAdd(ReadOnlySpan<byte> rowJson)
    {
        var length = _jsonLength + rowJson.Length + (_rows.Count == 0 ? 0 : 1);
        if (_rows.Count > 0 && length > LogsIngestionClient.MaxBatchBytes)
        {
            return false;
        }

        EnsureCapacity(_used + rowJson.Length);
        rowJson.CopyTo(_buffer.AsSpan(_used));
        _rows.Add((_used, rowJson.Length));
        _used += rowJson.Length;
        _jsonLength = length;
        return true;
    }

    /// <summary>The rows; valid until the chunk is disposed and only while nothing is added.</summary>
    internal List<ReadOnlyMemory<byte>> Rows() => _rows.ConvertAll(r => new ReadOnlyMemory<byte>(_buffer, r.Start, r.Length));

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _rows.Clear();
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
