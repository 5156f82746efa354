using System.Buffers;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.Tables.Rows;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>Mapping the assembled ssh-intrusion events to rows, and writing the rows as NDJSON, per pass.</summary>
[MemoryDiagnoser]
public class MappingBenchmarks : IDisposable
{
    private readonly AuditEventMapper _mapper = new();
    private readonly RowJsonWriter _writer = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private AuditEvent[] _events = [];
    private AuditEventRow[] _rows = [];

    [GlobalSetup]
    public void Setup()
    {
        var parser = new RecordParser();
        var assembler = new EventAssembler();
        var events = new List<AuditEvent>();
        foreach (var line in SampleLines.Lines)
        {
            if (parser.TryParse(line, 1, out var record, out _))
            {
                assembler.Add(record, events);
            }
        }

        assembler.Flush(events);
        _events = [.. events];
        var rows = new List<AuditEventRow>();
        var tty = new List<TtyInputRow>();
        foreach (var auditEvent in _events)
        {
            _mapper.Map(auditEvent, "bench", rows, tty);
        }

        _rows = [.. rows];
    }

    [Benchmark(Description = "AuditEventMapper: events to rows")]
    public int Map()
    {
        var rows = new List<AuditEventRow>(_events.Length);
        var tty = new List<TtyInputRow>();
        foreach (var auditEvent in _events)
        {
            _mapper.Map(auditEvent, "bench", rows, tty);
        }

        return rows.Count + tty.Count;
    }

    [Benchmark(Description = "RowJsonWriter: event rows to NDJSON")]
    public int WriteJson()
    {
        _output.ResetWrittenCount();
        foreach (var row in _rows)
        {
            _writer.WriteNdjson(AuditTables.LinuxAuditEvents, row, _output);
        }

        return _output.WrittenCount;
    }

    public void Dispose()
    {
        _writer.Dispose();
        GC.SuppressFinalize(this);
    }
}
