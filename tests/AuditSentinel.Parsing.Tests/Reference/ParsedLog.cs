using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Input;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Tests.Reference;

/// <summary>A whole log read by this project's parser and assembler, as the reference reads it (one file, flushed at its end).</summary>
internal sealed record ParsedLog(IReadOnlyList<AuditEvent> Events, long Lines, int RejectedLines)
{
    public static async Task<ParsedLog> ReadAsync(string path)
    {
        var parser = new RecordParser();
        var assembler = new EventAssembler();
        var events = new List<AuditEvent>();
        var rejected = 0;
        await using var reader = await LogLineReader.OpenFileAsync(path);
        while (await reader.FillAsync())
        {
            while (reader.TryReadLine(out var line))
            {
                if (parser.TryParse(line.Bytes.Span, line.Number, out var record, out _))
                {
                    assembler.Add(record, events);
                }
                else
                {
                    rejected++;
                }
            }
        }

        assembler.Flush(events);
        return new ParsedLog(events, reader.LinesRead, rejected);
    }
}
