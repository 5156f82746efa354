using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AuditSentinel.Pipeline;
using AuditSentinel.Tables;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Azure;

namespace AuditSentinel.Functions.Tests;

/// <summary>The real ssh-intrusion log (tests/fixtures, see SOURCES.md) and what the pipeline makes of it offline.</summary>
internal static class AuditLogs
{
    public static string[] SshIntrusionLines() => File.ReadAllLines(RepoPaths.SshIntrusionLog);

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    /// <summary>The rows the pipeline makes of <paramref name="text"/> without any delivery: the reference.</summary>
    public static Task<(IngestReport Report, CollectedRows Rows)> ParseAsync(string text) =>
        RowJson.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "reference");

    public static IEnumerable<string> Events(this LogsIngestionEndpoint endpoint) => endpoint.AcceptedRows(AuditTables.LinuxAuditEvents.Schema.Name);

    public static IEnumerable<string> Health(this LogsIngestionEndpoint endpoint) => endpoint.AcceptedRows(AuditTables.LinuxAuditHealth.Schema.Name);

    public static long Sum(this IEnumerable<string> rows, string column) => rows.Sum(r => RowJson.Property(r, column).GetInt64());
}
