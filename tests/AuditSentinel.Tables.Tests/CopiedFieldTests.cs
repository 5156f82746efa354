using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Rows;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// The map builder copies each name and value from the line 16 or 32 bytes at a time and checks the bytes it moved
/// for JSON escaping, masked to the name's or value's length; a property with a byte to escape is written again
/// escaped. Every byte JSON escapes, at every position of names and values of every short length, and escaped bytes
/// just outside a name or value (a quote around a value, the ENRICHED separator), must map as the decoded strings do.
/// </summary>
public class CopiedFieldTests
{
    // A quote, a backslash, a control byte, the ENRICHED separator, DEL and a byte beyond ASCII (é in UTF-8).
    private static readonly string[] Escaped = ["\"", "\\", "\u0001", "\u001d", "\u007f", "\u00e9"];

    [Theory]
    // Quoted values, a message payload, an ENRICHED part.
    [InlineData("pid=1 comm=\"sshd\" exe=\"/usr/sbin/sshd\" key=(null)\u001dARCH=x86_64 AUID=\"unset\"")]
    [InlineData("pid=1 msg='op=PAM:session_open acct=\"root\" exe=\"/usr/sbin/sshd\" res=success'\u001dAUID=\"alice\"")]
    // An empty quoted value; a quoted value cut by the end of the body, the separator after it.
    [InlineData("a=\"\" b=1")]
    [InlineData("a=1 b=\"cut\u001dAUID=\"x\"")]
    // Hex values are decoded, not copied.
    [InlineData("name=6869220A nametype=NORMAL")]
    // Short lines, below one vector.
    [InlineData("a=1")]
    [InlineData("a=\"b\"")]
    // A quote in a bare value where an unclosed quoted value follows.
    [InlineData("b=x\"y a=\"zzz")]
    [InlineData("b=x\"y c=1 a=\"zzz\u001dAUID=\"x\"")]
    // A quote in a name; a stray quote after a hex value.
    [InlineData("n\"a=1 b=\"c\"")]
    [InlineData("key=6578656375746976\" b=1")]
    // A second 0x1D, inside an ENRICHED value.
    [InlineData("a=1\u001dAUID=x\u001dy")]
    // A backslash, a control byte, DEL and bytes beyond ASCII in names and values, short and long lines.
    [InlineData("a=x\\y")]
    [InlineData("a=1 b=2 c=3 d=4 e=5 f=\"x\\y\"")]
    [InlineData("a=x\ty b=2 c=3 d=4 e=5 f=6 g=7")]
    [InlineData("a=1 b=2 c=3 d=4 e=5 f=6 g=x\u007fy")]
    [InlineData("a=1 b=2 c=3 d=4 e=5 f=6 comm=\"na\u00efve\"")]
    [InlineData("na\u00efve=1 b=2 c=3 d=4 e=5 f=6 g=7")]
    public void Crafted_lines_map_to_their_decoded_strings(string body)
    {
        var record = FixtureRecords.Parse(Line(body));
        FieldMapTests.AssertEveryFieldReadsAndWritesAsItsDecodedString(new FieldMapBuilder(), record);
        FieldMapTests.AssertDistinctFieldsFollowTheRule(record);
    }

    [Fact]
    public void An_escaped_byte_anywhere_in_a_name_maps_as_its_decoded_string()
    {
        var builder = new FieldMapBuilder();
        foreach (var escaped in Escaped.Where(e => e != "\u001d"))
        {
            for (var length = 1; length <= 40; length++)
            {
                for (var at = 0; at < length; at++)
                {
                    var name = Text(length, at, escaped, 'n');
                    AssertMapsAsDecoded(builder, $"pid=1 {name}=value{length} z=\"q\"");
                }
            }
        }
    }

    [Fact]
    public void An_escaped_byte_anywhere_in_a_value_maps_as_its_decoded_string()
    {
        var builder = new FieldMapBuilder();
        foreach (var escaped in Escaped)
        {
            for (var length = 1; length <= 40; length++)
            {
                for (var at = 0; at < length; at++)
                {
                    var value = Text(length, at, escaped, 'v');
                    AssertMapsAsDecoded(builder, $"pid=1 comm={value} z=\"q\"");
                    if (escaped != "\"")
                    {
                        AssertMapsAsDecoded(builder, $"pid=1 comm=\"{value}\" z=1");
                    }
                }
            }
        }
    }

    [Fact]
    public void Escaped_bytes_just_outside_names_and_values_are_not_taken_for_theirs()
    {
        // The vectors a short name or value is copied in hold the bytes after it: quotes, the separator, and fields
        // with bytes to escape. Every length up to two vectors, so those bytes fall in every lane.
        var builder = new FieldMapBuilder();
        for (var length = 1; length <= 33; length++)
        {
            var value = new string('v', length);
            var name = new string('n', length);
            AssertMapsAsDecoded(builder, $"a=\"{value}\" {name}=\"{value}\"\u001dAUID=\"x\\y\"");
            AssertMapsAsDecoded(builder, $"{name}={value}\u001dUID=\"r\u00e9\"");
            AssertMapsAsDecoded(builder, $"{name}={value} q=\"\\\" x=\u0001");
        }
    }

    [Fact]
    public void Names_seen_before_are_written_from_their_prefixes_first_in_a_map_or_after_others()
    {
        // A name of up to 8 bytes copied plain is written from then on from its prefix (,"name":"): as a map's first
        // property (no comma: the brace stays), after others, before a value to escape, and never for a name that only
        // shares its first bytes (another length) or its key's slot.
        var builder = new FieldMapBuilder();
        foreach (var body in (string[])[
            "pid=1 uid=2 pi=3 pidx=4 pid12345=5 pid123456=6",
            "uid=3 pid=4",
            "pid=\"a\\b\" uid=5",
            "pid=x\u0001 uid=\"\"",
            "pid123456=7 pid12345=8 pidx=9 pi=10 pid=11",
            "a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9 j=10 k=11 l=12 m=13 n=14 o=15 p=16 q=17 r=18 s=19 t=20 u=21 v=22 w=23 x=24 y=25 z=26",
            "z=1 y=2 x=3 w=4 v=5 u=6 t=7 s=8 r=9 q=10 p=11 o=12 n=13 m=14 l=15 k=16 j=17 i=18 h=19 g=20 f=21 e=22 d=23 c=24 b=25 a=26",
            "uid=1"])
        {
            AssertMapsAsDecoded(builder, body + " zz=\"q\"");
            var record = FixtureRecords.Parse(Line(body));
            FieldMapTests.AssertEveryFieldReadsAndWritesAsItsDecodedString(builder, record);
        }
    }

    [Fact]
    public void Synthetic_names_written_from_prefixes_of_the_same_names_seen_in_a_line_map_as_decoded()
    {
        // old-auid, old-ses, seresult and seperms are names a line may spell and names the tokenizer makes up (old auid=,
        // old ses=, denied, { ... }): once one was copied plain from a line, the made-up one is written from its prefix,
        // though its bytes are not in the line (the room reserved for the line's fields must still hold it).
        var builder = new FieldMapBuilder();
        var seen = FixtureRecords.Parse(Line("old-auid=1 old-ses=2 seresult=x seperms=y"));
        FieldMapTests.AssertEveryFieldReadsAndWritesAsItsDecodedString(builder, seen);
        foreach (var body in (string[])[
            "old auid=5 new auid=6 old ses=7 denied { read write } granted { }",
            "denied denied granted denied { } { a } { a } { b } old auid=1 old auid=2 old auid=1 old ses=\"3\"",
            "seresult=granted denied old-auid=4 old auid=4 seperms=r { r } { w }"])
        {
            var record = FixtureRecords.Parse(Line(body));
            Assert.Contains(record.Tokens.ToArray(), token => token.NameStart < 0);
            FieldMapTests.AssertEveryFieldReadsAndWritesAsItsDecodedString(builder, record);
            FieldMapTests.AssertDistinctFieldsFollowTheRule(record);
        }
    }

    [Theory]
    // Past the builder's first 1 KiB buffer (grown to the line plus the over-copy room), and a line of 1 MiB.
    [InlineData(3000)]
    [InlineData((1 << 20) - 64)]
    public void Fields_at_the_end_of_a_long_line_map_as_their_decoded_strings(int lineLength)
    {
        // The copy reads up to two vectors from a name or value, reaching the end of the room after the line when the
        // last value ends the line; names and values of every length up to and past two vectors stand there. A fresh
        // builder per line, so its padded buffer is exactly the line and the room.
        for (var length = 1; length <= 33; length++)
        {
            foreach (var last in new[] { $"{new string('n', length)}={new string('v', length)}", $"n={new string('v', length)}", $"n=\"{new string('v', length)}\"" })
            {
                var head = Line("pid=1 ");
                // Long filler values, so a 1 MiB line has a few thousand fields; the line's length is made exact with the first.
                var room = lineLength - head.Length - last.Length;
                var filler = Enumerable.Range(0, (room / 128) - 1).Select(i => $"f{i % 100:00}={new string('a', 123)} ");
                var body = "pid=1 " + $"g={new string('b', (room % 128) + 128 - 3)} " + string.Concat(filler) + last;
                var record = FixtureRecords.Parse(Line(body));
                Assert.Equal(lineLength, record.Bytes.Length);
                Assert.Equal(last, System.Text.Encoding.UTF8.GetString(record.Bytes[^last.Length..]));
                FieldMapTests.AssertEveryFieldReadsAndWritesAsItsDecodedString(new FieldMapBuilder(), record);
            }
        }
    }

    private static void AssertMapsAsDecoded(FieldMapBuilder builder, string body)
    {
        var record = FixtureRecords.Parse(Line(body));
        Assert.True(record.FieldCount >= 2, body);
        FieldMapTests.AssertEveryFieldReadsAndWritesAsItsDecodedString(builder, record);
    }

    // length chars of filler with the escaped text at position at.
    private static string Text(int length, int at, string escaped, char filler) =>
        new string(filler, at) + escaped + new string(filler, length - at - 1);

    private static string Line(string body) => "type=USER_LOGIN msg=audit(1795333528.773:4160): " + body;
}
