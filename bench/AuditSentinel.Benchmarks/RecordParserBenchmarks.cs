using AuditSentinel.Parsing.Records;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>Lines to records (header, tokenizer, the record's copy of its line): figures per line.</summary>
[MemoryDiagnoser]
public class RecordParserBenchmarks
{
    private readonly byte[][] _lines = SampleLines.Lines;
    private readonly RecordParser _parser = new();

    [GlobalSetup]
    public void Setup() => SampleLines.CheckCounts();

    [Benchmark(Description = "RecordParser.TryParse, per line", OperationsPerInvoke = SampleLines.LineCount)]
    public int Parse()
    {
        var fields = 0;
        for (var i = 0; i < _lines.Length; i++)
        {
            if (_parser.TryParse(_lines[i], i + 1, out var record, out _))
            {
                fields += record.FieldCount;
            }
        }

        return fields;
    }
}
