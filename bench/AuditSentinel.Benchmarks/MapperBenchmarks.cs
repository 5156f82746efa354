using AuditSentinel.Parsing.Events;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.Tables.Rows;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>Events to rows (typed columns, Fields, EventId, TTY rendering and redaction): figures per event.</summary>
[MemoryDiagnoser]
public class MapperBenchmarks
{
    private readonly AuditEventMapper _mapper = new();
    private readonly List<AuditEventRow> _rows = new(SampleLines.EventCount);
    private readonly List<TtyInputRow> _tty = new(SampleLines.EventCount);
    private readonly AuditEventRow _row = new();
    private AuditEvent[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        SampleLines.CheckCounts();
        _events = SampleLines.Events();
    }

    [Benchmark(Description = "AuditEventMapper.Map, per event", OperationsPerInvoke = SampleLines.EventCount)]
    public int Map()
    {
        _rows.Clear();
        _tty.Clear();
        foreach (var auditEvent in _events)
        {
            _mapper.Map(auditEvent, "bench", _rows, _tty);
        }

        return _rows.Count + _tty.Count;
    }

    [Benchmark(Description = "AuditEventMapper.MapInto, one row filled again (as the pipeline maps), per event", OperationsPerInvoke = SampleLines.EventCount)]
    public int MapInto()
    {
        _tty.Clear();
        var rows = 0;
        foreach (var auditEvent in _events)
        {
            rows += _mapper.MapInto(auditEvent, "bench", _row, _tty) ? 1 : 0;
        }

        return rows + _tty.Count;
    }
}
