using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.Tables.Rows;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// The pipeline fills one LinuxAuditEvents row again for every event (<see cref="AuditEventMapper.MapInto"/>): each
/// fill must write every column, so the row holds nothing of the event before and reads as a new row would.
/// </summary>
public sealed class ReusedRowTests
{
    public static TheoryData<string> FixtureLogs() => [.. RepoPaths.FixtureLogs()];

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void A_reused_row_is_written_as_a_new_row_of_the_same_event(string path) =>
        AssertReusedRowsAsNew(File.ReadLines(RepoPaths.Fixture(path)).Select(System.Text.Encoding.UTF8.GetBytes));

    [Fact]
    public void A_reused_row_is_written_as_a_new_row_for_mutated_fixture_lines() =>
        Assert.True(AssertReusedRowsAsNew(MutatedLines.Of(seed: 21, count: 20_000)) > 10_000);

    // Returns how many events had a LinuxAuditEvents row (some fixture logs hold only keystrokes).
    private static int AssertReusedRowsAsNew(IEnumerable<byte[]> lines)
    {
        var parser = new RecordParser();
        var assembler = new EventAssembler();
        var mapper = new AuditEventMapper();
        var completed = new List<AuditEvent>();
        var newRows = new List<AuditEventRow>();
        var ttyRows = new List<TtyInputRow>();
        var reused = new AuditEventRow();
        using var newJson = new RowJsonWriter();
        using var reusedJson = new RowJsonWriter();
        var events = 0;
        long number = 0;
        foreach (var line in lines)
        {
            if (parser.TryParse(line, ++number, out var record, out _))
            {
                assembler.Add(record, completed);
                Check();
            }
        }

        assembler.Flush(completed);
        Check();
        return events;

        void Check()
        {
            foreach (var auditEvent in completed)
            {
                newRows.Clear();
                mapper.Map(auditEvent, "unit", newRows, ttyRows);
                var filled = mapper.MapInto(auditEvent, "unit", reused, ttyRows);
                Assert.Equal(newRows.Count == 1, filled);
                if (filled)
                {
                    events++;
                    Assert.Equal(newJson.Serialize(AuditTables.LinuxAuditEvents, newRows[0]).ToArray(), reusedJson.Serialize(AuditTables.LinuxAuditEvents, reused).ToArray());
                }
            }

            completed.Clear();
            ttyRows.Clear();
        }
    }
}
