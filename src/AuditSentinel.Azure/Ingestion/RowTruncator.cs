using System.Text;
using System.Text.Json.Nodes;

namespace AuditSentinel.Azure.Ingestion;

/// <summary>
/// Makes a row that alone exceeds the per-call limit fit: its largest string fields are cut to the
/// service's 64 KB field limit (largest first, only as many as needed) and the cut field names are listed
/// in <see cref="LogsIngestionClient.TruncatedFieldsColumn"/>. A row that still cannot fit is rejected.
/// </summary>
internal static class RowTruncator
{
    /// <summary>The service truncates field values beyond 64 KB; we cut to the same size.</summary>
    public const int MaxFieldBytes = 64 * 1024;

    public static byte[]? TryFit(ReadOnlyMemory<byte> json, int maxRowBytes)
    {
        if (JsonNode.Parse(json.Span) is not JsonObject row)
        {
            return null;
        }

        var candidates = new List<(string Name, string Value)>();
        foreach (var (name, value) in row)
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && Encoding.UTF8.GetByteCount(text) > MaxFieldBytes)
            {
                candidates.Add((name, text));
            }
        }

        candidates.Sort(static (a, b) => b.Value.Length.CompareTo(a.Value.Length));
        var truncated = new List<string>();
        foreach (var (name, value) in candidates)
        {
            row[name] = CutUtf8(value, MaxFieldBytes);
            truncated.Add(name);
            row[LogsIngestionClient.TruncatedFieldsColumn] = string.Join(',', truncated);
            var bytes = Encoding.UTF8.GetBytes(row.ToJsonString());
            if (bytes.Length <= maxRowBytes)
            {
                return bytes;
            }
        }

        return null;
    }

    private static string CutUtf8(string value, int maxBytes)
    {
        var length = Math.Min(value.Length, maxBytes);
        while (Encoding.UTF8.GetByteCount(value.AsSpan(0, length)) > maxBytes)
        {
            length -= Math.Max(1, (Encoding.UTF8.GetByteCount(value.AsSpan(0, length)) - maxBytes) / 4);
        }

        if (length > 0 && char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        return value[..length];
    }
}
