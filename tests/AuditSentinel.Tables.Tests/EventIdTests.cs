using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

public class EventIdTests
{
    [Fact]
    public void The_id_is_sha256_of_the_documented_bytes()
    {
        // Computed independently with Python's hashlib over the documented layout.
        var expected = ReferenceTools.Run("/usr/bin/python3", "-c",
            "import hashlib,struct; print(hashlib.sha256(b'vm\\x00' + struct.pack('>qiQ', 1795333528, 773, 4160)).hexdigest()[:32])").Trim();
        Assert.Equal(expected, EventIds.Of(new EventKey("vm", new AuditTimestamp(1795333528, 773), 4160)));
    }

    [Fact]
    public void Node_time_and_serial_each_change_the_id()
    {
        var key = new EventKey("vm", new AuditTimestamp(1795333528, 773), 4160);
        string[] ids =
        [
            EventIds.Of(key), EventIds.Of(key with { Node = "" }), EventIds.Of(key with { Serial = 4161 }),
            EventIds.Of(key with { Timestamp = new AuditTimestamp(1795333528, 774) }), EventIds.Of(key with { Node = new string('n', 600) }),
        ];
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task Partial_rows_of_one_event_share_its_id()
    {
        // Cut the log after each SYSCALL record so its event is emitted partial, then read the rest in a second unit.
        var lines = await File.ReadAllLinesAsync(RepoPaths.SshIntrusionLog);
        var cut = Array.FindIndex(lines, l => l.Contains(" type=SYSCALL ", StringComparison.Ordinal) && l.Contains("syscall=59 ", StringComparison.Ordinal));
        using var first = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..(cut + 1)])));
        using var second = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[(cut + 1)..])));
        var whole = await MappedLog.ReadFileAsync(RepoPaths.SshIntrusionLog);
        var a = await MappedLog.ReadAsync(first, "a", maxOpenEvents: 1);
        var b = await MappedLog.ReadAsync(second, "b");
        var serial = a.Events[^1].Serial;
        var wholeRow = Assert.Single(whole.EventsWithSerial(serial));
        var parts = a.EventsWithSerial(serial).Concat(b.EventsWithSerial(serial)).ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(wholeRow.EventId, p.EventId));
        Assert.Equal(wholeRow.RecordCount, parts.Sum(p => p.RecordCount));
    }
}
