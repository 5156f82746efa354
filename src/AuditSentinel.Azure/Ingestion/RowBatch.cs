using System.Buffers;
using System.IO.Compression;

namespace AuditSentinel.Azure.Ingestion;

/// <summary>Rows sent in one call, serialized as a JSON array: <c>[row,row,...]</c>.</summary>
internal sealed class RowBatch
{
    /// <summary>The official client's per-call limit: 1 MiB of uncompressed JSON.</summary>
    public const int MaxBytes = 1024 * 1024;

    private readonly List<PendingRow> _rows;

    public RowBatch(List<PendingRow> rows)
    {
        _rows = rows;
        JsonLength = 2 + Math.Max(0, rows.Count - 1);
        foreach (var row in rows)
        {
            JsonLength += row.Json.Length;
        }
    }

    public int Count => _rows.Count;

    /// <summary>Uncompressed size of the JSON array.</summary>
    public int JsonLength { get; }

    public IReadOnlyList<object> Originals => _rows.ConvertAll(static r => r.Original);

    /// <summary>The array length once <paramref name="rowLength"/> more bytes are appended.</summary>
    public static int LengthWith(int currentLength, int currentCount, int rowLength) =>
        currentLength + rowLength + (currentCount == 0 ? 0 : 1);

    public (RowBatch First, RowBatch Second) Split()
    {
        var half = _rows.Count / 2;
        return (new RowBatch(_rows.GetRange(0, half)), new RowBatch(_rows.GetRange(half, _rows.Count - half)));
    }

    /// <summary>
    /// The JSON array, gzip-compressed, written from the row bytes (no second serialization). The array is put together
    /// in one pooled buffer and compressed in one call: a call per row and per comma cost the compressor's per-call
    /// overhead about twice per row.
    /// </summary>
    public byte[] ToGzipJson()
    {
        var json = ArrayPool<byte>.Shared.Rent(JsonLength);
        try
        {
            var length = WriteJsonArray(json);
            using var buffer = new MemoryStream(JsonLength / 4 + 64);
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(json, 0, length);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(json);
        }
    }

    private int WriteJsonArray(Span<byte> json)
    {
        var length = 0;
        json[length++] = (byte)'[';
        for (var i = 0; i < _rows.Count; i++)
        {
            if (i > 0)
            {
                json[length++] = (byte)',';
            }

            var row = _rows[i].Json.Span;
            row.CopyTo(json[length..]);
            length += row.Length;
        }

        json[length++] = (byte)']';
        return length;
    }
}
