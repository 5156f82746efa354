using System.Text;
using AuditSentinel.Pipeline.Sinks;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Pipeline.Tests;

/// <summary>
/// The sink buffers each table's file itself: rows of any size, interleaved between tables, must land whole and in
/// order, and the rows it serializes in place are the bytes the pipeline's writer gives every other sink.
/// </summary>
public sealed class NdjsonDirectorySinkTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ndjson-sink-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Rows_of_every_size_interleaved_between_tables_are_written_whole_and_in_order()
    {
        var expected = new Dictionary<string, StringBuilder>(StringComparer.Ordinal) { ["A"] = new(), ["B"] = new() };
        var random = new Random(6);
        await using (var sink = new NdjsonDirectorySink(_directory))
        {
            for (var i = 0; i < 3000; i++)
            {
                // Mostly row-sized, sometimes exactly around and far beyond the 64 KB buffer.
                var length = (i % 500) switch
                {
                    7 => (1 << 16) - 1,
                    8 => 1 << 16,
                    9 => (1 << 16) + 1,
                    10 => 300_000,
                    _ => random.Next(0, 2000),
                };
                var table = random.Next(3) == 0 ? "B" : "A";
                var row = $"{{\"n\":{i},\"t\":\"{new string((char)('a' + (i % 26)), length)}\"}}";
                // The same name as the last row's or an equal copy of it: the sink remembers the last table by reference.
                var name = random.Next(2) == 0 ? table : new string(table.AsSpan());
                sink.Write(name, Encoding.UTF8.GetBytes(row));
                expected[table].Append(row).Append('\n');
                if (i == 1500)
                {
                    await sink.FlushAsync(final: true, CancellationToken.None);
                    Assert.Equal(expected["A"].ToString(), await File.ReadAllTextAsync(Path.Combine(_directory, "A.ndjson")));
                }
            }
        }

        foreach (var (table, text) in expected)
        {
            Assert.Equal(text.ToString(), await File.ReadAllTextAsync(Path.Combine(_directory, table + ".ndjson")));
        }
    }

    [Theory]
    [MemberData(nameof(IngestSessionAccountingTests.RealLogs), MemberType = typeof(IngestSessionAccountingTests))]
    public async Task Rows_serialized_into_the_files_are_the_rows_a_json_sink_gets(string fixture)
    {
        var path = RepoPaths.Fixture(fixture.Split('/'));
        var json = new CollectedRows();
        await FixtureRuns.IngestAsync(path, json);
        await using (var sink = new NdjsonDirectorySink(_directory))
        {
            await FixtureRuns.IngestAsync(path, sink);
        }

        Assert.NotEmpty(json.Of("LinuxAuditEvents_CL"));
        foreach (var table in new[] { "LinuxAuditEvents_CL", "LinuxTtyInput_CL", "LinuxAuditHealth_CL" })
        {
            var file = Path.Combine(_directory, table + ".ndjson");
            var lines = File.Exists(file) ? (await File.ReadAllTextAsync(file)).Split('\n') : [string.Empty];
            Assert.Equal(string.Empty, lines[^1]);
            Assert.Equal(FixtureRuns.Masked(table, json.Of(table)), FixtureRuns.Masked(table, lines[..^1]));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
