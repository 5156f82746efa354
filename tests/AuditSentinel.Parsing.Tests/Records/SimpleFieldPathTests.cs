using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>
/// The tokenizer reads the usual <c>name=value</c> and <c>name="value"</c> fields on a fast path and leaves every other
/// word to its general loop: on every fixture line, on crafted near misses and on mutated fixture lines, both ways must
/// give the same header and tokens.
/// </summary>
public class SimpleFieldPathTests
{
    // Near misses of the simple forms, each next to simple fields so that the fast path meets them mid-line.
    private static readonly string[] CraftedBodies =
    [
        "a=1 b=\"two\" c=3",
        "a=1  b=2\tc=3 \t d=4",
        "a= b=\"\" c=",
        "a=1 b=\"unclosed c=3",
        "a=\"x\"y b=2",
        "a=1, b=2,, c=3",
        "a=1 =2 b=3",
        "a=1 (b=2 c=3) d=4",
        "a=1 old auid=5 new auid=6 old ses=7 ses=8",
        "a=1 new auid=5 b=2",
        "avc:  denied  { read write } for pid=1 comm=\"x\"",
        "a=1 msg='op=x acct=\"root\" exe=/bin/sh res=success' b=2",
        "a=1 s={ x=1 } b=2",
        "a=1 b='c' d=2",
        "name=ABCD key=ABCD\" comm=ABC exe=414243 cwd=? dir=(null) path=(none) a0=6869",
        "averyveryverylongname=1 b8bytes!=2 x=\"quoted value\"",
        "a=1 b",
        "a=1 b=",
        "a=1 b=\"",
        "k=v",
    ];

    public static TheoryData<string> FixtureLogs() => [.. RepoPaths.FixtureLogs()];

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void Every_fixture_line_gives_the_same_tokens_both_ways(string log)
    {
        foreach (var line in File.ReadLines(RepoPaths.Fixture(log)))
        {
            AssertSameBothWays(line);
        }
    }

    [Fact]
    public void Crafted_near_misses_give_the_same_tokens_both_ways()
    {
        foreach (var body in CraftedBodies)
        {
            AssertSameBothWays($"type=SYSCALL msg=audit(1.000:1): {body}");
            AssertSameBothWays($"type=EXECVE msg=audit(1.000:1): {body}");
            AssertSameBothWays($"node=vm type=SOCKADDR msg=audit(1.000:1): {body}\u001d{body}");
            AssertSameBothWays($"type=USER_CMD msg=audit(1.000:1): pid=1 msg='{body}'");
            AssertSameBothWays($"type=SYSCALL msg=audit(11/22/26 07:45:28.773:4160) : {body}");
        }
    }

    [Fact]
    public void Mutated_fixture_lines_give_the_same_record_both_ways()
    {
        foreach (var line in MutatedLines.Of(seed: 11, count: 20_000))
        {
            AssertSameBothWays(line);
        }
    }

    [Theory]
    [InlineData("a=1 b=\"two\"  c=? (d=4) e=5", "(d=4) e=5", 3)]
    [InlineData("a=1 b=2, c=3", "b=2, c=3", 1)]
    [InlineData("a=1 old auid=2", "old auid=2", 1)]
    [InlineData("a=1 msg='b=2'", "msg='b=2'", 1)]
    [InlineData("a=ABCD b=\"x y\" c=", "c=", 2)]
    [InlineData("a=1 b=2", "", 2)]
    public void The_fast_path_reads_simple_fields_and_stops_at_the_first_other_word(string body, string rest, int fields)
    {
        // Without this, a fast path that refused every word would pass the comparisons above.
        var line = Encoding.ASCII.GetBytes(body + "        ");
        var to = body.Length;
        var delimiters = new ulong[DelimiterBits.WordsFor(line.Length)];
        DelimiterBits.Mark(line, delimiters, new byte[line.Length]);
        var tokenizer = new FieldTokenizer(line, interpreted: false, isExecve: false, new FieldToken[64], new ulong[64], delimiters);
        var stop = tokenizer.ScanSimpleFields(0, to, FieldOrigin.Body);
        Assert.Equal(rest, body[stop..]);
        Assert.Equal(fields, tokenizer.Tokens.Length);
    }

    private static void AssertSameBothWays(string line) => AssertSameBothWays(Encoding.UTF8.GetBytes(line));

    private static void AssertSameBothWays(byte[] bytes)
    {
        var (fastRecord, generalRecord) = BothParsers.AssertSameHeader(bytes);
        if (fastRecord is null || generalRecord is null)
        {
            return;
        }

        var line = Encoding.UTF8.GetString(bytes);
        Assert.True(generalRecord.Tokens.SequenceEqual(fastRecord.Tokens), line);
        Assert.True(generalRecord.NameKeys.SequenceEqual(fastRecord.NameKeys), line);
    }
}
