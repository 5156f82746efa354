using AuditSentinel.TestSupport;

namespace AuditSentinel.Pipeline.Tests;

/// <summary>A fixture log run through the whole pipeline into a sink, and the rows of two runs made comparable.</summary>
internal static class FixtureRuns
{
    internal static async Task IngestAsync(string path, IRowSink rows)
    {
        await using var input = File.OpenRead(path);
        await LogIngestion.IngestStreamAsync(input, new IngestSource(path, SourceKind.File), new IngestOptions(), rows, new CollectedRejectedLines());
    }

    // A health row's first column, TimeGenerated, is the time it was written, so two runs differ there only.
    internal static IEnumerable<string> Masked(string table, IEnumerable<string> rows) =>
        table == "LinuxAuditHealth_CL" ? rows.Select(r => r[r.IndexOf(',', StringComparison.Ordinal)..]) : rows;
}
