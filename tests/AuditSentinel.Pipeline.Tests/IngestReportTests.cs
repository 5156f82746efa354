namespace AuditSentinel.Pipeline.Tests;

/// <summary>Row counts are kept per run of one table: read at any point, they are every row counted so far, by table.</summary>
public sealed class IngestReportTests
{
    [Fact]
    public void Rows_counted_in_runs_of_tables_read_the_same_at_every_point()
    {
        var report = new IngestReport { Source = new IngestSource("unit", SourceKind.File) };
        var events = "Events_CL";
        var tty = "Tty_CL";
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var random = new Random(6);
        for (var i = 0; i < 2000; i++)
        {
            var table = random.Next(5) == 0 ? tty : events;
            var count = random.Next(1, 4);
            // An equal name that is not the same string (the run is told by reference) must count as the same table.
            report.CountRows(random.Next(10) == 0 ? new string(table.AsSpan()) : table, count);
            expected[table] = expected.GetValueOrDefault(table) + count;
            if (random.Next(50) == 0)
            {
                Assert.Equal(expected.OrderBy(p => p.Key), report.RowsByTable.OrderBy(p => p.Key));
            }
        }

        Assert.Equal(expected.OrderBy(p => p.Key), report.RowsByTable.OrderBy(p => p.Key));
    }
}
