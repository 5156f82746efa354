using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace AuditSentinel.Azure.DeadLetters;

/// <summary>
/// The item format shared by every store: gzip NDJSON whose first line is
/// <c>{"deadLetter":{ruleId,stream,table,reason,error,source,createdUtc}}</c> and every further line one row as sent.
/// </summary>
public static class DeadLetterFormat
{
    /// <summary>File name suffix of an item.</summary>
    public const string Extension = ".ndjson.gz";

    /// <summary>A sortable, unique id: creation time, stream, random part.</summary>
    public static string NewId(DeadLetterInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var target = string.IsNullOrEmpty(info.Stream) ? "rejected" : info.Stream;
        return string.Create(CultureInfo.InvariantCulture, $"{info.CreatedUtc.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{target}-{Guid.NewGuid():N}");
    }

    /// <summary>Writes an item to <paramref name="destination"/> (left open).</summary>
    public static void Write(Stream destination, DeadLetterInfo info, IEnumerable<ReadOnlyMemory<byte>> rows)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(rows);
        using var gzip = new GZipStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        using (var writer = new Utf8JsonWriter(gzip))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("deadLetter");
            writer.WriteString("ruleId", info.RuleId);
            writer.WriteString("stream", info.Stream);
            writer.WriteString("table", info.Table);
            writer.WriteString("reason", info.Reason);
            writer.WriteString("error", info.Error);
            writer.WriteString("source", info.Source);
            writer.WriteString("createdUtc", info.CreatedUtc);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        foreach (var row in rows)
        {
            gzip.WriteByte((byte)'\n');
            gzip.Write(row.Span);
        }

        gzip.WriteByte((byte)'\n');
    }

    /// <summary>Reads an item written by <see cref="Write"/>.</summary>
    public static DeadLetterItem Read(string id, Stream source)
    {
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"Dead-letter item {id} is empty.");
        using var document = JsonDocument.Parse(header);
        if (!document.RootElement.TryGetProperty("deadLetter", out var h))
        {
            throw new InvalidDataException($"Dead-letter item {id} has no deadLetter header line.");
        }

        var info = new DeadLetterInfo(
            h.GetProperty("ruleId").GetString()!,
            h.GetProperty("stream").GetString(),
            h.GetProperty("table").GetString()!,
            h.GetProperty("reason").GetString()!,
            h.GetProperty("error").GetString()!,
            h.GetProperty("source").GetString()!,
            h.GetProperty("createdUtc").GetDateTimeOffset());
        var rows = new List<ReadOnlyMemory<byte>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(System.Text.Encoding.UTF8.GetBytes(line));
            }
        }

        return new DeadLetterItem(id, info, rows);
    }
}
