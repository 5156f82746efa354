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

    /// <summary>The JSON array, gzip-compressed, written straight from the row bytes (no second serialization).</summary>
    public byte[] ToGzipJson()
    {
        using var buffer = new MemoryStream(JsonLength / 4 + 64);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.WriteByte((byte)'[');
            for (var i = 0; i < _rows.Count; i++)
            {
                if (i > 0)
                {
                    gzip.WriteByte((byte)',');
                }

                gzip.Write(_rows[i].Json.Span);
            }

            gzip.WriteByte((byte)']');
        }

        return buffer.ToArray();
    }
}
