using System.Globalization;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Input;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Benchmarks;

/// <summary>
/// <c>stages LOG</c>: the pipeline's stages added one at a time over the same log, each pass timed in process CPU
/// seconds after a warm-up pass (so start-up and the JIT are not in the figures): how much of a parse each stage
/// costs, and the floor that reading and tokenizing alone put under any whole-process ratio.
/// </summary>
internal static class StageThroughput
{
    private const int Passes = 3;

    private enum Stage
    {
        ReadLines,
        ParseRecords,
        AssembleEvents,
        MapRows,
        WriteRowJson,
    }

    internal static async Task<int> RunAsync(string log)
    {
        var megabytes = new FileInfo(log).Length / 1048576.0;
        await PassAsync(log, Stage.WriteRowJson);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{log}: {megabytes:F1} MB, median of {Passes} passes per stage, CPU seconds"));
        Console.WriteLine($"{"stages up to",-36} {"cpu s",7} {"MB/cpu-s",9} {"stage cpu s",12}");
        var previous = 0.0;
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var samples = new List<double>();
            for (var pass = 0; pass < Passes; pass++)
            {
                samples.Add((await CpuClock.TimeAsync(() => PassAsync(log, stage))).Cpu);
            }

            var cpu = samples.Order().ElementAt(Passes / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Describe(stage),-36} {cpu,7:F2} {megabytes / cpu,9:F1} {cpu - previous,12:F2}"));
            previous = cpu;
        }

        return 0;
    }

    private static string Describe(Stage stage) => stage switch
    {
        Stage.ReadLines => "read lines (LogLineReader)",
        Stage.ParseRecords => "+ parse records (RecordParser)",
        Stage.AssembleEvents => "+ assemble events (EventAssembler)",
        Stage.MapRows => "+ map rows (AuditEventMapper)",
        _ => "+ row JSON (RowJsonWriter)",
    };

    private static async Task PassAsync(string log, Stage last)
    {
        var parser = new RecordParser();
        var assembler = new EventAssembler();
        var mapper = new AuditEventMapper();
        using var json = new RowJsonWriter();
        var completed = new List<AuditEvent>();
        var eventRow = new AuditEventRow();
        var ttyRows = new List<TtyInputRow>();
        long lines = 0;
        long jsonBytes = 0;
        await using var reader = await LogLineReader.OpenFileAsync(log);
        while (await reader.FillAsync())
        {
            while (reader.TryReadLine(out var line))
            {
                lines++;
                if (last == Stage.ReadLines || line.Truncated || !parser.TryParse(line.Bytes.Span, line.Number, null, out var record, out _) || last == Stage.ParseRecords)
                {
                    continue;
                }

                assembler.Add(record, completed);
                Drain();
            }
        }

        assembler.Flush(completed);
        Drain();
        if (lines == 0 || (last == Stage.WriteRowJson && jsonBytes == 0))
        {
            throw new InvalidOperationException($"{log} gave no lines or no rows.");
        }

        void Drain()
        {
            foreach (var auditEvent in completed)
            {
                if (last < Stage.MapRows)
                {
                    continue;
                }

                // As the pipeline maps: one row filled again for every event.
                var hasEventRow = mapper.MapInto(auditEvent, log, eventRow, ttyRows);
                if (last == Stage.WriteRowJson)
                {
                    if (hasEventRow)
                    {
                        jsonBytes += json.Serialize(AuditTables.LinuxAuditEvents, eventRow).Length;
                    }

                    foreach (var row in ttyRows)
                    {
                        jsonBytes += json.Serialize(AuditTables.LinuxTtyInput, row).Length;
                    }
                }

                ttyRows.Clear();
            }

            completed.Clear();
        }
    }
}
