using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>
/// A parser plans each record type's field names from the last line of that type (<see cref="FieldNamePlan"/>) and checks
/// them in place on the next: read by one parser in order, every fixture log, mutated lines and crafted near misses of
/// a learned plan must give the tokens the general way gives each line alone.
/// </summary>
public class FieldNamePlanTests
{
    // Lines that teach a plan, each followed in the tests by every near miss below.
    private static readonly string[] PlanSources =
    [
        "arch=c000003e syscall=59 success=yes exit=0 a0=55 items=2 ppid=1 pid=2 comm=\"bash\" exe=\"/usr/bin/bash\" key=(null)",
        "a=1 bb=\"two\" ccc=3 dddd=? eeeee=(none) ffffffff=4 ggggggg=5 name=414243 key=ABCD",
        "argc=3 a0=\"ls\" a1=2D6C a2=\"/tmp\"",
        "pid=1 uid=0 auid=0 ses=1 msg='op=PAM:session_open acct=\"root\" exe=\"/usr/sbin/sshd\" res=success'",
    ];

    // Near misses of the sources' names and values: a name one byte longer or shorter, an 8-byte name without '=',
    // values the fast loop leaves to the general one, blanks doubled, a line that ends early or goes on past the plan.
    private static readonly string[] NearMisses =
    [
        "arch=c000003e syscall=59 success=yes exit=0 a0=55 items=2 ppid=1 pid=2 comm=\"bash\" exe=\"/usr/bin/bash\" key=(null)",
        "archx=c000003e syscall=59",
        "arc=c000003e syscall=59",
        "arch=c000003e  syscall=59\tsuccess=no exit=-2",
        "arch=c000003e syscall=59, success=yes",
        "arch=c000003e syscall='59' success=yes",
        "arch=c000003e syscall={ 59 } success=yes",
        "arch=c000003e syscall=\"59 success=yes",
        "arch=c000003e syscall=5=9 success=yes exit=0",
        "arch=c000003e syscall= success=",
        "arch=",
        "arch",
        "a=1 bb=\"two\" ccc=3 dddd=? eeeee=(none) ffffffff=4 ggggggg=5 name=414243 key=ABCD\"",
        "a=1 bb=\"two\" ccc=3 dddd=? eeeee=(null) ffffffffx=4",
        "a=1 bb=\"two\" ccc=3 dddd=? eeeee=(none) ffffffff 4",
        "a=1 bb=\"two\" ccc=3 dddd=? eeeee=(none) ffffffff=4 ggggggg=5 name=41424 key=abcd",
        "a=1 bb=two ccc=\"3\" dddd=?? eeeee=(nonE) ffffffff=",
        "a=1 old auid=5 new auid=6 old ses=7 ses=8",
        "a=1 (bb=2 ccc=3) dddd=4",
        "argc=3 a0=\"ls\" a1=2D6C a2=\"/tmp\" a3=2F a4=\"x\"",
        "argc=1 a0=6C73",
        "pid=1 uid=0 auid=0 ses=1 msg='op=PAM:session_close acct=\"root\" res=success'",
        "pid=1 uid=0 auid=0 ses=1 msg=audit(1.000:1)",
        "pid=1 uid=0",
    ];

    public static TheoryData<string> FixtureLogs() => [.. RepoPaths.FixtureLogs()];

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void A_fixture_log_read_by_one_parser_gives_the_tokens_of_each_line_read_alone(string log)
    {
        var planned = new RecordParser();
        foreach (var line in File.ReadLines(RepoPaths.Fixture(log)))
        {
            AssertSameAsAlone(planned, Encoding.UTF8.GetBytes(line));
        }
    }

    [Fact]
    public void Mutated_lines_read_by_one_parser_give_the_tokens_of_each_line_read_alone()
    {
        var planned = new RecordParser();
        foreach (var line in MutatedLines.Of(seed: 17, count: 20_000))
        {
            AssertSameAsAlone(planned, line);
        }
    }

    [Fact]
    public void Near_misses_of_a_learned_plan_give_the_tokens_of_each_line_read_alone()
    {
        foreach (var source in PlanSources)
        {
            foreach (var nearMiss in NearMisses)
            {
                foreach (var form in Forms)
                {
                    var planned = new RecordParser();
                    AssertSameAsAlone(planned, form(source));
                    AssertSameAsAlone(planned, form(nearMiss));
                    AssertSameAsAlone(planned, form(source));
                }
            }
        }
    }

    [Fact]
    public void Planned_reads_at_the_edges_of_the_line_and_of_the_map_words_give_the_tokens_of_each_line_read_alone()
    {
        // The unchecked reads' edges: names that start 7, 8 and 9 bytes before the line's end (the 8-byte load), values
        // and quotes that end on the line's last byte, and values of 0 to 200 bytes that cross one or two 64-byte words
        // of the maps (past the next word the plan leaves the field to the general way).
        var planned = new RecordParser();
        for (var length = 0; length <= 200; length++)
        {
            var value = new string('v', length);
            foreach (var body in new[]
            {
                $"a={value} bb=1 c=2",
                $"a={value} bb=\"1\" c=\"{value}\"",
                $"a=\"{value}\" bb=12345678",
                $"a={value} bb=1234567",
                $"a={value} bb=123456",
                $"a={value} bb=\"",
                $"a={value} bb=",
            })
            {
                var line = Encoding.ASCII.GetBytes($"type=SYSCALL msg=audit(1.000:1): {body}");
                AssertSameAsAlone(planned, line);
                AssertSameAsAlone(planned, line);
            }
        }
    }

    [Fact]
    public void A_plan_reads_the_names_it_learned_and_stops_at_the_first_other_one()
    {
        // Without this, a plan that never matched would pass the comparisons above.
        var plan = new FieldNamePlan();
        Learn(plan, "arch=c000003e syscall=59 success=yes exit=0 pid=7 comm=\"sh\" ");

        var (stop, matched, tokens) = ScanPlanned(plan, "arch=b7 syscall=11 success=no exit=-2 uid=0 comm=\"x\" ");
        Assert.Equal(4, matched);
        Assert.Equal("uid=0 comm=\"x\" ", stop);
        Assert.Equal([FieldKind.Plain, FieldKind.Plain, FieldKind.Plain, FieldKind.Plain], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void A_learned_name_classes_its_values_as_the_lookup_does_and_leaves_possible_hex_to_the_general_way()
    {
        var plan = new FieldNamePlan();
        Learn(plan, "pid=42 key=(null) tty=pts0 comm=41 uid=0 gid=0");

        var (unread, matched, tokens) = ScanPlanned(plan, "pid=4142 key=? tty=(none) comm=4142 next=1 after=2");
        Assert.Equal(3, matched);
        Assert.Equal("comm=4142 next=1 after=2", unread);
        Assert.Equal([FieldKind.Plain, FieldKind.Absent, FieldKind.Absent], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void A_plan_keeps_the_shape_it_had_before_and_reads_on_with_it_where_the_two_part()
    {
        // A PATH record of an existing file, then one of a missing file: the same first two names, then others.
        const string Existing = "item=0 name=\"/bin/sh\" inode=12 dev=08:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL ";
        const string Missing = "item=1 name=\"/x\" nametype=UNKNOWN cap_fp=0 cap_fi=0 cap_fe=0 ";
        var plan = new FieldNamePlan();
        Learn(plan, Existing);
        Learn(plan, Missing);

        var line = Encoding.ASCII.GetBytes(Existing);
        var tokenizer = Tokenizer(line, plan);
        var stop = tokenizer.ScanPlannedFields(0, line.Length, FieldOrigin.Body, plan, 0, out var matched);
        Assert.Equal(2, matched);
        Assert.True(plan.TrySwitchAt(matched));
        tokenizer.ScanPlannedFields(stop, line.Length, FieldOrigin.Body, plan, matched, out matched);
        Assert.Equal(9, matched);
        Assert.Equal(9, tokenizer.Tokens.Length);

        // Where the shapes do not part, there is nothing to switch to.
        Assert.False(plan.TrySwitchAt(1));
    }

    private static IEnumerable<Func<string, byte[]>> Forms =>
    [
        body => Encoding.UTF8.GetBytes($"type=SYSCALL msg=audit(1.000:1): {body}"),
        body => Encoding.UTF8.GetBytes($"type=EXECVE msg=audit(1.000:1): {body}"),
        body => Encoding.UTF8.GetBytes($"node=vm type=SOCKADDR msg=audit(1.000:1): {body}\u001d{body}"),
        body => Encoding.UTF8.GetBytes($"type=USER_CMD msg=audit(1.000:1): {body}"),
    ];

    private static void Learn(FieldNamePlan plan, string body)
    {
        var line = Encoding.ASCII.GetBytes(body);
        var tokenizer = Tokenizer(line, null);
        tokenizer.Tokenize(0, -1);
        plan.LearnIfDiffers(0, line, tokenizer.Tokens, tokenizer.Keys, FieldOrigin.Body, isExecve: false);
        Assert.Equal(tokenizer.Keys.ToArray(), plan.Names.ToArray().Select(name => name.Key));
        Assert.NotEmpty(plan.Names.ToArray());
    }

    private static (string Unread, int Matched, FieldToken[] Tokens) ScanPlanned(FieldNamePlan plan, string body)
    {
        var line = Encoding.ASCII.GetBytes(body);
        var tokenizer = Tokenizer(line, plan);
        var stop = tokenizer.ScanPlannedFields(0, line.Length, FieldOrigin.Body, plan, 0, out var matched);
        return (body[stop..], matched, tokenizer.Tokens.ToArray());
    }

    private static FieldTokenizer Tokenizer(byte[] line, FieldNamePlan? plan)
    {
        var delimiters = new ulong[DelimiterBits.WordsFor(line.Length)];
        DelimiterBits.Mark(line, delimiters, new byte[line.Length]);
        return new FieldTokenizer(line, interpreted: false, isExecve: false, new FieldToken[64], new ulong[64], delimiters, bodyPlan: plan);
    }

    private static void AssertSameAsAlone(RecordParser planned, byte[] bytes)
    {
        var line = Encoding.UTF8.GetString(bytes);
        var (_, general) = BothParsers.AssertSameHeader(bytes);
        var accepted = planned.TryParse(bytes, 1, out var record, out _);
        Assert.True(accepted == (general is not null), line);
        if (record is null || general is null)
        {
            return;
        }

        Assert.True(general.Tokens.SequenceEqual(record.Tokens), line);
        Assert.True(general.NameKeys.SequenceEqual(record.NameKeys), line);
    }
}
