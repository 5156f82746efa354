using System.Text.Json;
using AuditSentinel.Pipeline;

namespace AuditSentinel.TestSupport;

/// <summary>Reads the columns tests compare from row JSON (collected, uploaded or dead-lettered rows).</summary>
public static class RowJson
{
    public static string EventIdOf(string rowJson) => Property(rowJson, "EventId").GetString()!;

    public static string EventIdOf(ReadOnlyMemory<byte> rowJson) => Property(rowJson, "EventId").GetString()!;

    public static JsonElement Property(string rowJson, string name)
    {
        using var document = JsonDocument.Parse(rowJson);
        return document.RootElement.GetProperty(name).Clone();
    }

    public static JsonElement Property(ReadOnlyMemory<byte> rowJson, string name)
    {
        using var document = JsonDocument.Parse(rowJson);
        return document.RootElement.GetProperty(name).Clone();
    }

    /// <summary>
    /// The rows the pipeline makes of a log without any delivery: what a delivery must bring across. Rejected lines go to
    /// <paramref name="rejected"/> when given.
    /// </summary>
    public static async Task<(IngestReport Report, CollectedRows Rows)> ParseAsync(Stream log, string sourceName, CollectedRejectedLines? rejected = null)
    {
        var rows = new CollectedRows();
        var report = await LogIngestion.IngestStreamAsync(log, new IngestSource(sourceName, SourceKind.File), new IngestOptions(), rows, rejected ?? new CollectedRejectedLines());
        return (report, rows);
    }
}
