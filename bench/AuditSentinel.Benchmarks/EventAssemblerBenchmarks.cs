using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>Records to events (grouping, end-of-event rules, the open-event bookkeeping): figures per event.</summary>
[MemoryDiagnoser]
public class EventAssemblerBenchmarks
{
    private readonly List<AuditEvent> _events = new(SampleLines.EventCount);
    private AuditRecord[] _records = [];

    [GlobalSetup]
    public void Setup()
    {
        SampleLines.CheckCounts();
        _records = SampleLines.Records();
    }

    [Benchmark(Description = "EventAssembler.Add, per event", OperationsPerInvoke = SampleLines.EventCount)]
    public int Assemble()
    {
        _events.Clear();
        var assembler = new EventAssembler();
        foreach (var record in _records)
        {
            assembler.Add(record, _events);
        }

        assembler.Flush(_events);
        return _events.Count;
    }
}
