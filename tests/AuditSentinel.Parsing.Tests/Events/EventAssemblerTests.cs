using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Events;

public class EventAssemblerTests
{
    private static AuditRecord Record(string line) => FixtureRecords.Parse(line);

    private static List<AuditEvent> Assemble(IEnumerable<string> lines, EventAssemblerOptions? options = null, bool inputContinues = false)
    {
        var assembler = new EventAssembler(options);
        var events = new List<AuditEvent>();
        foreach (var line in lines)
        {
            assembler.Add(Record(line), events);
        }

        assembler.Flush(events, inputContinues);
        return events;
    }

    private static IEnumerable<string> Fixture(string name) => File.ReadLines(RepoPaths.Fixture("go-libaudit", "testdata", name));

    [Fact]
    public void Interleaved_records_group_by_serial_and_proctitle_ends_an_event()
    {
        var events = Assemble(
        [
            "type=SYSCALL msg=audit(100.000:1): syscall=59",
            "type=SYSCALL msg=audit(100.000:2): syscall=59",
            "type=CWD msg=audit(100.000:1): cwd=\"/\"",
            "type=PROCTITLE msg=audit(100.000:2): proctitle=6C73",
            "type=PROCTITLE msg=audit(100.000:1): proctitle=6C73",
        ]);
        Assert.Equal([2UL, 1UL], events.Select(e => e.Key.Serial));
        Assert.Equal(["SYSCALL", "CWD", "PROCTITLE"], events[1].Records.Select(r => r.TypeName));
        Assert.All(events, e => Assert.False(e.IsPartial));
    }

    [Fact]
    public void Events_emitted_earlier_keep_their_records_while_later_events_are_assembled()
    {
        var events = Assemble(Enumerable.Range(1, 50).SelectMany(serial => new[]
        {
            $"type=SYSCALL msg=audit(100.000:{serial}): syscall=59",
            $"type=CWD msg=audit(100.000:{serial}): cwd=\"/\"",
            $"type=PROCTITLE msg=audit(100.000:{serial}): proctitle=6C73",
        }));
        Assert.Equal(Enumerable.Range(1, 50).Select(serial => (ulong)serial), events.Select(e => e.Key.Serial));
        Assert.All(events, e =>
        {
            Assert.Equal(["SYSCALL", "CWD", "PROCTITLE"], e.Records.Select(r => r.TypeName));
            Assert.All(e.Records, r => Assert.Equal(e.Key.Serial, r.Serial));
        });
    }

    [Fact]
    public void An_event_ends_when_a_record_two_seconds_later_arrives()
    {
        var assembler = new EventAssembler();
        var events = new List<AuditEvent>();
        assembler.Add(Record("type=SYSCALL msg=audit(100.000:1): syscall=59"), events);
        assembler.Add(Record("type=SYSCALL msg=audit(101.500:2): syscall=59"), events);
        Assert.Empty(events);
        assembler.Add(Record("type=SYSCALL msg=audit(102.000:3): syscall=59"), events);
        Assert.Equal(1UL, Assert.Single(events).Key.Serial);
        Assert.Equal(2, assembler.OpenEvents);
    }

    [Fact]
    public void A_record_right_after_its_event_ended_starts_a_late_event_instead_of_joining_the_emitted_one()
    {
        var events = Assemble(
        [
            "node=a type=SYSCALL msg=audit(100.000:1): syscall=59",
            "node=a type=PROCTITLE msg=audit(100.000:1): proctitle=6C73",
            "node=a type=PATH msg=audit(100.000:1): item=0 name=\"/bin/ls\"",
            "node=a type=CWD msg=audit(100.000:1): cwd=\"/\"",
        ]);
        Assert.Equal(2, events.Count);
        Assert.Equal(["SYSCALL", "PROCTITLE"], events[0].Records.Select(r => r.TypeName));
        Assert.Equal(["PATH", "CWD"], events[1].Records.Select(r => r.TypeName));
        Assert.Equal(PartialReason.LateRecord, events[1].Partial);
    }

    [Fact]
    public void Same_serial_on_two_hosts_is_two_events()
    {
        var events = Assemble(
        [
            "node=a type=SYSCALL msg=audit(100.000:1): syscall=59",
            "node=b type=SYSCALL msg=audit(100.000:1): syscall=59",
            "node=a type=EOE msg=audit(100.000:1): ",
            "node=b type=EOE msg=audit(100.000:1): ",
        ]);
        Assert.Equal(["a", "b"], events.Select(e => e.Key.Node));
        Assert.All(events, e => Assert.Equal(2, e.Records.Count));
    }

    [Fact]
    public void Over_the_open_event_cap_the_oldest_is_emitted_as_partial_and_a_late_record_is_flagged()
    {
        var events = Assemble(
        [
            "type=SYSCALL msg=audit(100.000:1): syscall=59",
            "type=SYSCALL msg=audit(100.000:2): syscall=59",
            "type=CWD msg=audit(100.000:1): cwd=\"/\"",
        ],
        new EventAssemblerOptions { MaxOpenEvents = 1 });
        Assert.Equal(3, events.Count);
        Assert.Equal((1UL, PartialReason.Evicted), (events[0].Key.Serial, events[0].Partial));
        Assert.Equal((2UL, PartialReason.Evicted), (events[1].Key.Serial, events[1].Partial));
        Assert.Equal((1UL, PartialReason.LateRecord), (events[2].Key.Serial, events[2].Partial));
    }

    [Fact]
    public void Long_records_over_the_open_byte_budget_evict_the_oldest_events_and_lose_no_record()
    {
        // Crafted records of thousands of fields, each event open until the end: the budget, not the count, bounds them.
        var fields = string.Concat(Enumerable.Repeat(" pid=1", 5000));
        var lines = Enumerable.Range(1, 40).Select(serial => $"type=SYSCALL msg=audit(100.000:{serial}):{fields}").ToList();
        var recordBytes = Record(lines[^1]).RetainedBytes; // the longest serial
        var assembler = new EventAssembler(new EventAssemblerOptions { MaxOpenBytes = 3L * recordBytes });
        var events = new List<AuditEvent>();
        foreach (var line in lines)
        {
            assembler.Add(Record(line), events);
            Assert.InRange(assembler.OpenEvents, 1, 3);
        }

        assembler.Flush(events);
        Assert.Equal(Enumerable.Range(1, 40).Select(serial => (ulong)serial), events.Select(e => e.Key.Serial));
        Assert.All(events.Take(37), e => Assert.Equal(PartialReason.Evicted, e.Partial));
        Assert.All(events.Skip(37), e => Assert.Equal(PartialReason.None, e.Partial));
        Assert.All(events, e => Assert.Equal(5000, Assert.Single(e.Records).FieldCount));
    }

    [Fact]
    public void An_event_alone_over_the_byte_budget_is_emitted_and_its_later_records_are_flagged_late()
    {
        var fields = string.Concat(Enumerable.Repeat(" a=1", 2000));
        var events = Assemble(
        [
            $"type=SYSCALL msg=audit(100.000:1):{fields}",
            "type=CWD msg=audit(100.000:1): cwd=\"/\"",
        ],
        new EventAssemblerOptions { MaxOpenBytes = 1024 });
        Assert.Equal([(1UL, PartialReason.Evicted, 1), (1UL, PartialReason.LateRecord, 1)], events.Select(e => (e.Key.Serial, e.Partial, e.Records.Count)));
    }

    [Fact]
    public void Real_logs_stay_far_below_the_default_byte_budget()
    {
        // The default must never cut a real event: every event of the recorded intrusion assembles whole under it.
        var lines = File.ReadLines(RepoPaths.SshIntrusionLog).ToList();
        var bounded = Assemble(lines);
        var unbounded = Assemble(lines, new EventAssemblerOptions { MaxOpenBytes = long.MaxValue });
        Assert.DoesNotContain(bounded, e => e.Partial == PartialReason.Evicted);
        Assert.Equal(unbounded.Select(e => (e.Key, e.Records.Count, e.Partial)), bounded.Select(e => (e.Key, e.Records.Count, e.Partial)));
    }

    [Fact]
    public void A_byte_budget_below_one_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EventAssembler(new EventAssemblerOptions { MaxOpenBytes = 0 }));
    }

    [Fact]
    public void Flushing_a_unit_whose_input_continues_marks_open_events_partial()
    {
        var events = Assemble(["type=SYSCALL msg=audit(100.000:1): syscall=59"], inputContinues: true);
        Assert.Equal(PartialReason.InputBoundary, Assert.Single(events).Partial);
    }

    [Fact]
    public void An_event_holding_only_records_that_follow_a_syscall_is_partial_missing_its_start()
    {
        var events = Assemble(
        [
            "type=EXECVE msg=audit(100.000:1): argc=1 a0=\"ls\"",
            "type=CWD msg=audit(100.000:1): cwd=\"/\"",
            "type=PROCTITLE msg=audit(100.000:1): proctitle=6C73",
            "type=EOE msg=audit(100.000:2): ",
        ]);
        Assert.Equal([PartialReason.MissingStart, PartialReason.MissingStart], events.Select(e => e.Partial));
    }

    [Theory]
    [InlineData("type=CONFIG_CHANGE msg=audit(100.000:1): auid=0 ses=1 op=add_rule key=\"x\" list=4 res=1")]
    [InlineData("type=AVC msg=audit(100.000:1): apparmor=\"DENIED\" operation=\"open\" profile=\"p\" name=\"/etc/x\" pid=1 comm=\"cat\"")]
    [InlineData("type=NETFILTER_CFG msg=audit(100.000:1): table=filter family=2 entries=4")]
    [InlineData("type=SYSCALL msg=audit(100.000:1): syscall=59")]
    [InlineData("type=URINGOP msg=audit(100.000:1): uring_op=18 success=yes exit=0")]
    public void An_event_that_may_stand_alone_or_holds_its_start_is_whole(string line)
    {
        Assert.Equal(PartialReason.None, Assert.Single(Assemble([line])).Partial);
    }

    [Fact]
    public void A_more_specific_reason_wins_over_a_missing_start()
    {
        var events = Assemble(["type=PATH msg=audit(100.000:1): item=0 name=\"/\""], inputContinues: true);
        Assert.Equal(PartialReason.InputBoundary, Assert.Single(events).Partial);
    }

    [Theory]
    [InlineData("normal.log")]
    [InlineData("out_of_order.log")]
    [InlineData("lost_messages.log")]
    [InlineData("rollover.log")]
    public void Go_libaudit_reassembler_cases_lose_no_record_and_group_as_ausearch_does(string file)
    {
        var lines = Fixture(file).Where(l => l.Length > 0).ToList();
        var events = Assemble(lines);
        Assert.Equal(lines.Count, events.Sum(e => e.Records.Count));
        Assert.Equal(ReferenceTools.AusearchEventCount(RepoPaths.Fixture("go-libaudit", "testdata", file)), events.Count);
        Assert.All(events, e => Assert.All(e.Records, r => Assert.Equal(e.Key.Serial, r.Serial)));
    }

    [Fact]
    public void A_record_arriving_after_its_event_timed_out_is_a_late_partial_event_as_in_ausearch()
    {
        var events = Assemble(Fixture("out_of_order.log").Where(l => l.Length > 0));
        var serial60 = events.Where(e => e.Key.Serial == 60).ToList();
        Assert.Equal(2, serial60.Count);
        Assert.Equal(PartialReason.None, serial60[0].Partial);
        Assert.Equal((PartialReason.LateRecord, "PATH"), (serial60[1].Partial, Assert.Single(serial60[1].Records).TypeName));
    }

    [Fact]
    public void A_key_forgotten_while_its_late_event_is_open_is_remembered_again_when_that_event_ends()
    {
        // Memory for one key: emitting B forgets A while A's late event is open; emitting that event remembers A again
        // and forgets B, so a later record of A is late and one of B starts an event of its own.
        var events = Assemble(
        [
            "type=SYSCALL msg=audit(100.000:1): syscall=59",
            "type=PROCTITLE msg=audit(100.000:1): proctitle=6C73",
            "type=CWD msg=audit(100.000:1): cwd=\"/\"",
            "type=SYSCALL msg=audit(100.000:2): syscall=59",
            "type=PROCTITLE msg=audit(100.000:2): proctitle=6C73",
            "type=PROCTITLE msg=audit(100.000:1): proctitle=6C73",
            "type=CWD msg=audit(100.000:1): cwd=\"/\"",
            "type=CWD msg=audit(100.000:2): cwd=\"/\"",
        ],
        new EventAssemblerOptions { RecentlyEmittedMemory = 1 });
        Assert.Equal(
            [(1UL, PartialReason.None, 2), (2UL, PartialReason.None, 2), (1UL, PartialReason.LateRecord, 2), (1UL, PartialReason.LateRecord, 1), (2UL, PartialReason.MissingStart, 1)],
            events.Select(e => (e.Key.Serial, e.Partial, e.Records.Count)));
    }

    [Fact]
    public void A_key_forgotten_by_the_timeouts_its_own_record_completes_is_no_longer_late()
    {
        // Memory for one key. The CWD of event 1 (at 103) comes after that event was emitted, but it first completes
        // event 3 (at 100, timed out), whose memory forgets key 1: as ausearch orders it (the timed-out events go before
        // the record's own event is looked for), the CWD starts an event of its own, partial for its missing start
        // rather than late.
        var events = Assemble(
        [
            "type=SYSCALL msg=audit(100.000:2): syscall=59",
            "type=SYSCALL msg=audit(103.000:1): syscall=59",
            "type=PROCTITLE msg=audit(103.000:1): proctitle=6C73",
            "type=SYSCALL msg=audit(100.000:3): syscall=59",
            "type=CWD msg=audit(103.000:1): cwd=\"/\"",
        ],
        new EventAssemblerOptions { RecentlyEmittedMemory = 1 });
        Assert.Equal(
            [(2UL, 100L, PartialReason.None), (1UL, 103L, PartialReason.None), (3UL, 100L, PartialReason.None), (1UL, 103L, PartialReason.MissingStart)],
            events.Select(e => (e.Key.Serial, e.Key.Timestamp.Seconds, e.Partial)));
    }

    [Fact]
    public void A_key_remembered_from_an_earlier_unit_makes_its_records_late_and_is_forgotten_in_turn()
    {
        var assembler = new EventAssembler(new EventAssemblerOptions { RecentlyEmittedMemory = 1 });
        var events = new List<AuditEvent>();
        var emittedEarlier = Record("type=SYSCALL msg=audit(100.000:7): syscall=59");
        assembler.RememberEmitted(new EventKey(emittedEarlier.Node, emittedEarlier.Timestamp, emittedEarlier.Serial));
        assembler.Add(Record("type=CWD msg=audit(100.000:7): cwd=\"/\""), events);
        assembler.Add(Record("type=SYSCALL msg=audit(100.000:8): syscall=59"), events);
        assembler.Add(Record("type=PROCTITLE msg=audit(100.000:8): proctitle=6C73"), events);
        assembler.Add(Record("type=PROCTITLE msg=audit(100.000:7): proctitle=6C73"), events);
        assembler.Flush(events);
        Assert.Equal([(8UL, PartialReason.None), (7UL, PartialReason.LateRecord)], events.Select(e => (e.Key.Serial, e.Partial)));
        Assert.Equal(0, assembler.OpenEvents);
    }

    [Fact]
    public void A_closed_event_gives_its_list_back_with_no_more_room_than_a_real_event_needs()
    {
        // Closed events stay as the memory of their keys and hold no list; the lists they give back are kept for the
        // next events, so one crafted event of thousands of records must not leave its grown room among them.
        var open = new OpenEvent();
        open.Open(default, late: false, []);
        var record = Record("type=PATH msg=audit(100.000:1): item=0 name=\"/\"");
        for (var i = 0; i < 5_000; i++)
        {
            open.Add(record);
        }

        Assert.Equal(5_000, open.Close(out var room).Length);
        Assert.Empty(room);
        Assert.Equal(OpenEvent.KeptRecordRoom, room.Capacity);
        Assert.Throws<InvalidOperationException>(() => open.Records);
    }

    [Fact]
    public void Serial_rollover_keeps_the_wrapped_events_apart()
    {
        var events = Assemble(Fixture("rollover.log").Where(l => l.Length > 0));
        Assert.Contains(events, e => e.Key.Serial == 4294967295UL);
        Assert.Contains(events, e => e.Key.Serial == 0UL);
    }
}
