using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Rows;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// A record judged plain lets the map builder copy names and values unchecked, so the judgement is compared with a
/// check of each name and value on every record of the fixture logs and on lines made to fool a count of quotes.
/// </summary>
public class PlainRecordTextTests
{
    public static TheoryData<string> Logs() => new(RepoPaths.FixtureLogs());

    [Theory]
    [MemberData(nameof(Logs))]
    public void A_plain_record_has_no_name_or_written_value_that_needs_escaping(string log)
    {
        foreach (var record in FixtureRecords.All(log))
        {
            if (PlainRecordText.FieldsArePlain(record))
            {
                AssertEveryNameAndWrittenValueIsPlain(record);
            }
        }
    }

    [Fact]
    public void Nearly_every_record_of_a_real_log_is_plain()
    {
        var records = FixtureRecords.All(FixtureRecords.SshIntrusion).ToList();
        var plain = records.Count(PlainRecordText.FieldsArePlain);
        Assert.True(plain >= records.Count * 0.95, $"{plain} of {records.Count} records plain");
    }

    [Theory]
    // Quoted values, a message payload, an ENRICHED part.
    [InlineData("pid=1 comm=\"sshd\" exe=\"/usr/sbin/sshd\" key=(null)\u001dARCH=x86_64 AUID=\"unset\"")]
    [InlineData("pid=1 msg='op=PAM:session_open acct=\"root\" exe=\"/usr/sbin/sshd\" res=success'\u001dAUID=\"alice\"")]
    // An empty quoted value; a quoted value cut by the end of the body, the separator after it.
    [InlineData("a=\"\" b=1")]
    [InlineData("a=1 b=\"cut\u001dAUID=\"x\"")]
    // Hex values are decoded, not copied: their bytes are checked apart.
    [InlineData("name=6869220A nametype=NORMAL")]
    // Short lines, below one vector.
    [InlineData("a=1")]
    [InlineData("a=\"b\"")]
    public void Lines_whose_only_escaped_bytes_surround_values_are_plain(string body)
    {
        var record = FixtureRecords.Parse(Line(body));
        Assert.True(PlainRecordText.FieldsArePlain(record));
        AssertEveryNameAndWrittenValueIsPlain(record);
    }

    [Theory]
    // A quote in a bare value where an unclosed quoted value leaves the count of quotes even.
    [InlineData("b=x\"y a=\"zzz")]
    [InlineData("b=x\"y c=1 a=\"zzz\u001dAUID=\"x\"")]
    // A quote in a name; a stray quote after a hex value.
    [InlineData("n\"a=1 b=\"c\"")]
    [InlineData("key=6578656375746976\" b=1")]
    // A second 0x1D, inside an ENRICHED value.
    [InlineData("a=1\u001dAUID=x\u001dy")]
    // A backslash, a control byte, DEL and bytes beyond ASCII in values, short and long lines.
    [InlineData("a=x\\y")]
    [InlineData("a=1 b=2 c=3 d=4 e=5 f=\"x\\y\"")]
    [InlineData("a=x\ty b=2 c=3 d=4 e=5 f=6 g=7")]
    [InlineData("a=1 b=2 c=3 d=4 e=5 f=6 g=x\u007fy")]
    [InlineData("a=1 b=2 c=3 d=4 e=5 f=6 comm=\"na\u00efve\"")]
    [InlineData("na\u00efve=1 b=2 c=3 d=4 e=5 f=6 g=7")]
    public void Lines_with_a_name_or_value_that_may_need_escaping_are_not_plain(string body)
    {
        var record = FixtureRecords.Parse(Line(body));
        Assert.False(PlainRecordText.FieldsArePlain(record));
    }

    [Fact]
    public void Quotes_are_counted_in_every_position_of_lines_longer_than_a_count_of_lanes_holds()
    {
        // Quotes are counted per byte lane and added up every 255 vectors (4080 bytes): 300 fields of exactly 16 bytes put
        // 300 quotes in each of two lanes. A stray quote in a bare value at each position of the last vectors.
        for (var padding = 0; padding < 40; padding++)
        {
            var body = string.Concat(Enumerable.Range(0, 300).Select(i => $"q{i:D3}=\"abcdefgh\" ")) + new string('p', padding) + "=1 last=abcdefghijklmnopqrstuvwxyz0123456789";
            var plain = FixtureRecords.Parse(Line(body));
            Assert.True(plain.Bytes.Length > 255 * 16);
            Assert.True(PlainRecordText.FieldsArePlain(plain));
            for (var stray = 1; stray < 36; stray++)
            {
                var quoted = body.Insert(body.Length - stray, "\"");
                Assert.False(PlainRecordText.FieldsArePlain(FixtureRecords.Parse(Line(quoted))), quoted[^40..]);
            }
        }
    }

    [Fact]
    public void Synthetic_names_are_plain()
    {
        // A plain record's names are not checked one by one, and these are not in the line.
        Assert.All(FieldTokenizer.SyntheticNames, name => Assert.True(PlainJsonText.IsPlain(name)));
    }

    private static string Line(string body) => "type=USER_LOGIN msg=audit(1795333528.773:4160): " + body;

    private static void AssertEveryNameAndWrittenValueIsPlain(AuditRecord record)
    {
        foreach (var token in record.Tokens)
        {
            Assert.True(PlainJsonText.IsPlain(record.NameOf(token)), record.LineText);
            if (token.Kind is not (FieldKind.Hex or FieldKind.Absent))
            {
                Assert.True(PlainJsonText.IsPlain(record.ValueOf(token)), record.LineText);
            }
        }
    }
}
