using System.Buffers;
using AuditSentinel.Tables;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.Tables.Rows;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>Rows to NDJSON with the reused writer: figures per event (the sample's event and TTY rows).</summary>
[MemoryDiagnoser]
public class RowWriterBenchmarks : IDisposable
{
    private readonly RowJsonWriter _writer = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private AuditEventRow[] _rows = [];
    private TtyInputRow[] _tty = [];

    [GlobalSetup]
    public void Setup()
    {
        SampleLines.CheckCounts();
        var mapper = new AuditEventMapper();
        var rows = new List<AuditEventRow>();
        var tty = new List<TtyInputRow>();
        foreach (var auditEvent in SampleLines.Events())
        {
            mapper.Map(auditEvent, "bench", rows, tty);
        }

        _rows = [.. rows];
        _tty = [.. tty];
    }

    [Benchmark(Description = "RowJsonWriter.WriteNdjson, per event", OperationsPerInvoke = SampleLines.EventCount)]
    public int Write()
    {
        _output.ResetWrittenCount();
        foreach (var row in _rows)
        {
            _writer.WriteNdjson(AuditTables.LinuxAuditEvents, row, _output);
        }

        foreach (var row in _tty)
        {
            _writer.WriteNdjson(AuditTables.LinuxTtyInput, row, _output);
        }

        return _output.WrittenCount;
    }

    public void Dispose()
    {
        _writer.Dispose();
        GC.SuppressFinalize(this);
    }
}
