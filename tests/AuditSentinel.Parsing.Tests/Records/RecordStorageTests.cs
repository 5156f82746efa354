using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>
/// Records share chunks of line bytes and tokens with the records parsed after them: what one record holds must
/// never change as the parser goes on, and the byte-level lookups (name keys, type names, escaped names) must agree
/// with the plain ones.
/// </summary>
public class RecordStorageTests
{
    [Fact]
    public void Records_keep_their_bytes_and_fields_while_the_parser_fills_many_more_chunks()
    {
        var lines = File.ReadAllLines(RepoPaths.SshIntrusionLog);
        var parser = new RecordParser();
        var kept = new List<(string Line, AuditRecord Record)>();
        for (var pass = 0; pass < 4; pass++)
        {
            foreach (var line in lines)
            {
                if (parser.TryParse(Encoding.UTF8.GetBytes(line), kept.Count + 1, out var record, out _))
                {
                    kept.Add((line, record));
                }
            }
        }

        Assert.True(kept.Sum(k => k.Line.Length) > 8 * ChunkedStore<byte>.ChunkBytes, "the sample must span several chunks");
        foreach (var (line, record) in kept)
        {
            Assert.True(new RecordParser().TryParse(Encoding.UTF8.GetBytes(line), record.LineNumber, out var fresh, out _));
            Assert.Equal(fresh.LineText, record.LineText);
            Assert.Equal(Describe(fresh), Describe(record));
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(300)]
    public void A_record_with_more_fields_than_the_tokenizer_starts_with_keeps_them_all(int count)
    {
        var fields = string.Join(' ', Enumerable.Range(0, count).Select(i => $"f{i}={i}"));
        var parser = new RecordParser();
        var records = Enumerable.Range(0, 40)
            .Select(i => Parse(parser, $"type=SYSCALL msg=audit(1.000:{i}): {fields}"))
            .ToList();

        foreach (var record in records)
        {
            Assert.Equal(count, record.FieldCount);
            Assert.All(Enumerable.Range(0, count), i => Assert.Equal($"f{i}={i}", record[i].ToString()));
        }
    }

    [Fact]
    public void A_line_longer_than_a_shared_piece_gets_its_own_storage_and_stays_whole()
    {
        var parser = new RecordParser();
        var proctitle = Convert.ToHexString(Encoding.ASCII.GetBytes(new string('x', 20_000)));
        var longRecord = Parse(parser, $"type=PROCTITLE msg=audit(1.000:1): proctitle={proctitle}");
        var next = Parse(parser, "type=CWD msg=audit(1.000:1): cwd=\"/root\"");

        Assert.Equal(FieldKind.Hex, longRecord[0].Kind);
        Assert.Equal(new string('x', 20_000), longRecord[0].Text);
        Assert.Equal("/root", next[0].Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pieces_kept_after_room_for_a_long_line_share_no_more_than_a_chunk(bool longLineKept)
    {
        // A line rejected after the parser asked room for it (a crafted 1 MiB line without a header) or a long record
        // kept whole: the small records parsed after it must not lie in a chunk of the long line's size, or every
        // open event's one small record pins a megabyte (4096 open events: 4 GiB).
        var store = new ChunkedStore<byte>();
        var longLine = Enumerable.Range(0, 1 << 20).Select(i => (byte)i).ToArray();
        var room = store.Space(longLine.Length)[..longLine.Length];
        longLine.CopyTo(room);
        var kept = longLineKept ? store.Keep(room) : default;
        var small = store.Space(10)[..10];
        "type=CWD x"u8.CopyTo(small);
        var smallKept = store.Keep(small);

        Assert.True(smallKept.Array!.Length <= ChunkedStore<byte>.ChunkBytes, $"a 10-byte piece holds a {smallKept.Array.Length}-byte chunk");
        Assert.Equal("type=CWD x"u8.ToArray(), smallKept.ToArray());
        if (longLineKept)
        {
            Assert.Equal(longLine, kept.ToArray());
        }
    }

    [Fact]
    public void Pieces_written_in_their_room_stay_in_place_and_others_are_copied()
    {
        var store = new ChunkedStore<ulong>();
        var first = store.Space(4)[..3];
        first.Fill(1);
        var keptFirst = store.Keep(first);
        var empty = store.Keep(store.Space(4)[..0]);
        var second = store.Space(4)[..2];
        second.Fill(2);
        var keptSecond = store.Keep(second);
        var elsewhere = store.Keep(new ulong[] { 3, 3 });

        // In place: one after the other in the chunk they were written in; the empty piece takes no room; the piece
        // written elsewhere is copied after them.
        Assert.Same(keptFirst.Array, keptSecond.Array);
        Assert.Equal((0, 3, 3, 0, 3, 2, 5), (keptFirst.Offset, keptFirst.Count, empty.Offset, empty.Count, keptSecond.Offset, keptSecond.Count, elsewhere.Offset));
        Assert.Same(keptFirst.Array, elsewhere.Array);
        Assert.Equal(new ulong[] { 1, 1, 1, 2, 2, 3, 3 }, keptFirst.Array!.AsSpan(0, 7).ToArray());
    }

    [Fact]
    public void Name_keys_read_at_any_position_equal_the_key_of_the_name_alone()
    {
        var line = "a=1 node=host-0000 proctitle=6C73 requested_mask=r ab=c x"u8.ToArray();
        for (var start = 0; start < line.Length; start++)
        {
            for (var length = 1; start + length <= line.Length && length <= 16; length++)
            {
                Assert.Equal(FieldToken.KeyOf(line.AsSpan(start, length)), FieldToken.KeyAt(line, start, length));
            }
        }
    }

    [Fact]
    public void A_name_key_holds_the_first_eight_bytes_zero_padded()
    {
        var name = "abcdefghij"u8;
        for (var length = 0; length <= name.Length; length++)
        {
            ulong expected = 0;
            for (var i = 0; i < Math.Min(length, 8); i++)
            {
                expected |= (ulong)name[i] << (8 * i);
            }

            Assert.Equal(expected, FieldToken.KeyOf(name[..length]));
        }
    }

    [Fact]
    public void Every_libaudit_type_name_is_found_from_its_bytes_and_others_are_not()
    {
        foreach (var (number, name) in RecordTypeNames.All)
        {
            Assert.True(RecordTypeByteLookup.TryFind(Encoding.ASCII.GetBytes(name), out var found, out var canonical), name);
            Assert.Equal(number, found);
            Assert.Equal(RecordType.NameOf(number), canonical);
        }

        Assert.False(RecordTypeByteLookup.TryFind("syscall"u8, out _, out _));
        Assert.False(RecordTypeByteLookup.TryFind("SYSCALLS"u8, out _, out _));
        Assert.False(RecordTypeByteLookup.TryFind("USER_"u8, out _, out _));
    }

    [Fact]
    public void Unknown_type_names_keep_their_text_and_numbers_their_libaudit_name()
    {
        var parser = new RecordParser();
        Assert.Equal("NEW_THING", Parse(parser, "type=NEW_THING msg=audit(1.000:1): a=b").TypeName);
        Assert.Equal(0, Parse(parser, "type=NEW_THING msg=audit(1.000:1): a=b").TypeNumber);
        Assert.Equal("SYSCALL", Parse(parser, "type=1300 msg=audit(1.000:1): a=b").TypeName);
        Assert.Equal("PROCTITLE", Parse(parser, "type=UNKNOWN[1327] msg=audit(1.000:1): a=b").TypeName);
    }

    [Theory]
    [InlineData("exe", false, true)]
    [InlineData("sw", false, true)]
    [InlineData("proctitle", false, true)]
    [InlineData("requested_mask", false, true)]
    [InlineData("invalid_context", false, true)]
    [InlineData("a1", true, true)]
    [InlineData("a1[2]", true, true)]
    [InlineData("a1", false, false)]
    [InlineData("a1_len", true, false)]
    [InlineData("pid", false, false)]
    [InlineData("ex", false, false)]
    [InlineData("exec", false, false)]
    [InlineData("proctitles", false, false)]
    [InlineData("requested_masks", false, false)]
    [InlineData("EXE", false, false)]
    public void Escaped_field_names_are_recognised_exactly(string name, bool isExecve, bool escaped) =>
        Assert.Equal(escaped, FieldValues.MayBeHexEncoded(Encoding.ASCII.GetBytes(name), isExecve));

    private static AuditRecord Parse(RecordParser parser, string line)
    {
        Assert.True(parser.TryParse(Encoding.UTF8.GetBytes(line), 1, out var record, out var reason), $"rejected: {reason}");
        return record;
    }

    private static string Describe(AuditRecord record) =>
        $"{record.Node}|{record.TypeName}|{record.Timestamp}|{record.Serial}|{record.Format}|"
        + string.Join('|', Enumerable.Range(0, record.FieldCount).Select(i => $"{record[i].NameText}={record[i].RawText}:{record[i].Kind}:{record[i].Origin}"));
}
