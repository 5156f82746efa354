using System.Text;
using AuditSentinel.Tables.Rows;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Pipeline.Tests;

/// <summary>
/// The session hands each row object to its sink; a sink that takes the objects (and serializes none) sees exactly
/// the rows, in the same order, whose JSON a sink of serialized rows receives.
/// </summary>
public sealed class RowObjectSinkTests
{
    [Theory]
    [MemberData(nameof(IngestSessionAccountingTests.RealLogs), MemberType = typeof(IngestSessionAccountingTests))]
    public async Task A_sink_of_row_objects_gets_the_rows_whose_json_a_json_sink_gets(string fixture)
    {
        var path = RepoPaths.Fixture(fixture.Split('/'));
        var json = new CollectedRows();
        var objects = new RowObjects();

        await FixtureRuns.IngestAsync(path, json);
        await FixtureRuns.IngestAsync(path, objects);

        Assert.NotEmpty(json.Of("LinuxAuditEvents_CL"));
        Assert.Equal(json.Of("LinuxAuditEvents_CL").Count + json.Of("LinuxTtyInput_CL").Count + json.Of("LinuxAuditHealth_CL").Count, objects.Rows.Count);
        foreach (var table in new[] { "LinuxAuditEvents_CL", "LinuxTtyInput_CL", "LinuxAuditHealth_CL" })
        {
            var fromObjects = objects.Rows.Where(r => r.Table == table).Select(r => r.Json).ToList();
            Assert.Equal(FixtureRuns.Masked(table, json.Of(table)), FixtureRuns.Masked(table, fromObjects));
        }
    }

    /// <summary>Keeps each row object it is given, serialized by itself; the session must never pass it JSON.</summary>
    private sealed class RowObjects : IRowSink
    {
        public List<(string Table, string Json)> Rows { get; } = [];

        public void Write<TRow>(RowTable<TRow> table, TRow row, RowJsonWriter json) =>
            Rows.Add((table.Schema.Name, Encoding.UTF8.GetString(json.Serialize(table, row))));

        public void Write(string table, ReadOnlySpan<byte> rowJson) => throw new InvalidOperationException("The session passed JSON to a sink of row objects.");

        public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
