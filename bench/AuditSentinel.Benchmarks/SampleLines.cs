using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Benchmarks;

/// <summary>
/// The real lines every stage benchmark runs over: the ssh-intrusion recording, read once. Each benchmark's
/// OperationsPerInvoke is the number of lines or events of one pass, so BenchmarkDotNet's Mean and Allocated columns
/// read per record or per event; <see cref="CheckCounts"/> keeps the constants true to the file.
/// </summary>
internal static class SampleLines
{
    /// <summary>Lines in samples/ssh-intrusion/audit.log.</summary>
    internal const int LineCount = 840;

    /// <summary>Events those lines assemble into.</summary>
    internal const int EventCount = 198;

    private static readonly Lazy<byte[][]> LinesLazy = new(Load);

    internal static byte[][] Lines => LinesLazy.Value;

    /// <summary>The sample's records, parsed once.</summary>
    internal static AuditRecord[] Records()
    {
        var parser = new RecordParser();
        var records = new List<AuditRecord>(LineCount);
        foreach (var line in Lines)
        {
            if (parser.TryParse(line, records.Count + 1, out var record, out _))
            {
                records.Add(record);
            }
        }

        return [.. records];
    }

    /// <summary>The sample's events, assembled once.</summary>
    internal static AuditEvent[] Events()
    {
        var assembler = new EventAssembler();
        var events = new List<AuditEvent>(EventCount);
        foreach (var record in Records())
        {
            assembler.Add(record, events);
        }

        assembler.Flush(events);
        return [.. events];
    }

    /// <summary>Fails when the sample no longer has the counts the per-operation figures divide by.</summary>
    internal static void CheckCounts()
    {
        var events = Events().Length;
        if (Lines.Length != LineCount || events != EventCount)
        {
            throw new InvalidOperationException($"The sample has {Lines.Length} lines and {events} events; update SampleLines' constants.");
        }
    }

    private static byte[][] Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "ssh-intrusion", "audit.log");
            if (File.Exists(path))
            {
                return File.ReadAllLines(path).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
            }
        }

        throw new InvalidOperationException("samples/ssh-intrusion/audit.log not found above " + AppContext.BaseDirectory);
    }
}
