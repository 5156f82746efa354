using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Events;

public class EventTimeoutTests
{
    // go-libaudit/auparse/testdata/audit-rhel7.log lines 11, 18, 19 and 27: a record of 2017 raises the newest time
    // seen, then event 17 (2016) opens, a 2016 record 247 s later starts another event, and event 17's SYSCALL comes last.
    // ausearch completes event 17 when that later event starts and prints the SYSCALL as a second part.
    [Fact]
    public void A_new_event_completes_open_events_it_is_the_timeout_later_than_even_below_the_newest_time_seen()
    {
        var lines = File.ReadAllLines(RepoPaths.Fixture("go-libaudit", "auparse", "testdata", "audit-rhel7.log"));
        var parser = new RecordParser();
        var assembler = new EventAssembler();
        var events = new List<AuditEvent>();
        foreach (var number in new[] { 11, 18, 19, 27 })
        {
            Assert.True(parser.TryParse(System.Text.Encoding.UTF8.GetBytes(lines[number - 1]), number, out var record, out _));
            assembler.Add(record, events);
        }

        assembler.Flush(events);

        var seventeen = events.Where(e => e.Key.Serial == 17).ToList();
        Assert.Equal(2, seventeen.Count);
        Assert.Equal(["NETFILTER_CFG"], seventeen[0].Records.Select(r => r.TypeName), StringComparer.Ordinal);
        Assert.Equal(PartialReason.None, seventeen[0].Partial);
        Assert.Equal(["SYSCALL"], seventeen[1].Records.Select(r => r.TypeName), StringComparer.Ordinal);
        Assert.Equal(PartialReason.LateRecord, seventeen[1].Partial);
    }
}
