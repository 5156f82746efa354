using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Input;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Tests;

/// <summary>A log read the way the pipeline reads it (LogLineReader, RecordParser, EventAssembler) and mapped to rows.</summary>
internal sealed class MappedLog
{
    public List<AuditEventRow> Events { get; } = [];

    public List<TtyInputRow> TtyInput { get; } = [];

    public long Lines { get; private set; }

    public long Rejected { get; private set; }

    public static async Task<MappedLog> ReadFileAsync(string path, AuditEventMapperOptions? options = null)
    {
        await using var stream = File.OpenRead(path);
        return await ReadAsync(stream, Path.GetFileName(path), options);
    }

    public static async Task<MappedLog> ReadAsync(Stream stream, string sourceName, AuditEventMapperOptions? options = null, int maxOpenEvents = 4096)
    {
        var log = new MappedLog();
        var parser = new RecordParser();
        var assembler = new EventAssembler(new EventAssemblerOptions { MaxOpenEvents = maxOpenEvents });
        var mapper = new AuditEventMapper(options);
        var completed = new List<AuditEvent>();
        await using var reader = await LogLineReader.OpenAsync(stream, maxLineLength: 1 << 16);
        while (await reader.FillAsync())
        {
            while (reader.TryReadLine(out var line))
            {
                log.Lines++;
                if (!line.Truncated && parser.TryParse(line.Bytes.Span, line.Number, out var record, out _))
                {
                    assembler.Add(record, completed);
                }
                else
                {
                    log.Rejected++;
                }
            }

            log.MapAll(mapper, completed, sourceName);
        }

        assembler.Flush(completed);
        log.MapAll(mapper, completed, sourceName);
        return log;
    }

    public IEnumerable<AuditEventRow> EventsWithSerial(long serial) => Events.Where(e => e.Serial == serial);

    private void MapAll(AuditEventMapper mapper, List<AuditEvent> completed, string sourceName)
    {
        foreach (var auditEvent in completed)
        {
            mapper.Map(auditEvent, sourceName, Events, TtyInput);
        }

        completed.Clear();
    }
}
