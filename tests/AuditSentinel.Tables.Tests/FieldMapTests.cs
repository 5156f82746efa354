using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Rows;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// FieldMap writes names and values from UTF-8 bytes; over every record of the real fixture logs it must give exactly
/// the JSON and the pairs that the decoded strings give (escaping, invalid UTF-8, repeated names and their suffixes).
/// </summary>
public class FieldMapTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Logs()
    {
        return new TheoryData<string>(RepoPaths.FixtureLogs());
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_field_reads_and_writes_as_its_decoded_string(string log)
    {
        var builder = new FieldMapBuilder();
        foreach (var record in FixtureRecords.All(log))
        {
            AssertEveryFieldReadsAndWritesAsItsDecodedString(builder, record);
        }
    }

    [Fact]
    public void Mutated_fixture_lines_map_to_their_decoded_strings()
    {
        // Quotes, 0x1D, backslashes, control and non-ASCII bytes where no fixture line has them: the builder's copy of
        // names and values from the line must never copy one unescaped.
        var builder = new FieldMapBuilder();
        var parser = new RecordParser();
        foreach (var line in MutatedLines.Of(seed: 12, count: 20_000))
        {
            if (parser.TryParse(line, 1, out var record, out _))
            {
                AssertEveryFieldReadsAndWritesAsItsDecodedString(builder, record);
                AssertDistinctFieldsFollowTheRule(record);
            }
        }
    }

    [Fact]
    public void Maps_built_one_after_another_keep_their_own_json_and_entries()
    {
        // One builder writes its maps into shared chunks and moves a map it is building to a new chunk when the rest of
        // one is too small: every map must read and write as a map of its own builder does, after thousands were built
        // after it. Twice over, so a map moves with entries in it.
        var builder = new FieldMapBuilder();
        var parser = new RecordParser();
        var built = new List<(FieldMap Map, string Json, List<KeyValuePair<string, string>> Pairs)>();
        foreach (var line in MutatedLines.Of(seed: 5, count: 5_000))
        {
            if (parser.TryParse(line, 1, out var record, out _))
            {
                var alone = new FieldMapBuilder();
                alone.AddDistinct(record, default);
                alone.AddDistinct(record, default);
                var expected = alone.Build();
                builder.AddDistinct(record, default);
                builder.AddDistinct(record, default);
                built.Add((builder.Build(), Json(expected), expected.ToList()));
            }
        }

        Assert.True(built.Count > 1_000, built.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (map, json, pairs) in built)
        {
            Assert.Equal(json, Json(map));
            Assert.Equal(pairs, map.ToList());
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Distinct_fields_drop_repeats_and_suffix_new_values(string log)
    {
        foreach (var record in FixtureRecords.All(log))
        {
            AssertDistinctFieldsFollowTheRule(record);
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Skipped_fields_are_left_out(string log)
    {
        var builder = new FieldMapBuilder();
        foreach (var record in FixtureRecords.All(log))
        {
            // Every third field, in every word of a record with more than 64 fields.
            var skipped = new ulong[(record.FieldCount + 63) / 64];
            var expected = new List<KeyValuePair<string, string>>();
            for (var f = 0; f < record.FieldCount; f++)
            {
                if (f % 3 == 1)
                {
                    skipped[f / 64] |= 1UL << f;
                }
                else if (record[f].Text is { } text)
                {
                    AddDistinct(expected, record[f].NameText, text);
                }
            }

            builder.Clear();
            builder.AddDistinct(record, skipped);
            Assert.Equal(expected.Count == 0, builder.IsEmpty);
            var map = builder.Build();
            Assert.Equal(expected, map.ToList());
            Assert.Equal(Json(expected), Json(map));
        }
    }

    [Theory]
    // Names longer than 8 bytes that share their first 8; a name that is another's suffixed form, before and after it.
    [InlineData("cap_frootid=1 cap_froot=2 cap_frootid=3 cap_frootid_2=4 cap_frootix=5 cap_frootid=6 cap_frootid_3=7")]
    [InlineData("a_2=5 a=6 a=7 a=8 a_3=9 a=6 a_2=7 a_20=1 a=9 a=10 a=11 a=12 a=13 a=14 a=15 a=16 a=17 a=18 a=19 a=20 a=21")]
    // Names with bytes beyond ASCII (read as '?') and with bytes JSON escapes; a NUL in a name.
    [InlineData("na\u00efve=1 na??ve=2 n\\a=3 n\"a=4 n\u0001a=5 n\u0000a=6 n=7")]
    // Decoded values JSON escapes (a quote, a newline) and invalid UTF-8 (FF and FE both read as U+FFFD), repeated.
    [InlineData("exe=6869220A exe=6869220A exe=FF exe=FE exe=FF41 exe=6869220A n\"a=6869220A n\"a=1 n\"a=1")]
    // Names beyond ASCII with values JSON escapes: the name still reads as '?' on the escaped path.
    [InlineData("n\u00e9me=\"a\\\\b\" n\u00e9me=\"a\\\\b\" x\u00ffy=\"q\\\\\" na\u00efve=1 n\u00e9me=\"c\\\\d\"")]
    public void Distinct_fields_of_crafted_names_follow_the_rule(string body)
    {
        var line = "type=SYSCALL msg=audit(1795333528.773:4160): " + System.Text.RegularExpressions.Regex.Unescape(body);
        var record = FixtureRecords.Parse(line);
        Assert.Equal(body.Split(' ').Length, record.FieldCount);
        AssertDistinctFieldsFollowTheRule(record);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Distinct_fields_of_a_record_with_hundreds_of_repeats_follow_the_rule(int seed)
    {
        // Past 64 entries the builder finds names by hash and remembers each name's chain of suffixes: repeats with old
        // and new values, names that are some other name's suffix (a_2, a_2_2), names and values JSON escapes.
        string[] names = ["a", "a_2", "a_3", "a_2_2", "b", "n\"a", "n\u00e9me"];
        string[] values = [.. Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "\"x\\\\y\"", "6869220A", "(null)"];
        var random = new Random(seed);
        var body = string.Join(' ', Enumerable.Range(0, 400).Select(_ => names[random.Next(names.Length)] + "=" + values[random.Next(values.Length)]));
        var record = FixtureRecords.Parse("type=SYSCALL msg=audit(1795333528.773:4160): " + System.Text.RegularExpressions.Regex.Unescape(body));
        Assert.Equal(400, record.FieldCount);
        var builder = new FieldMapBuilder();
        builder.AddDistinct(record, default);
        Assert.InRange(builder.Build().Count, 150, 400);
        AssertDistinctFieldsFollowTheRule(record);
    }

    [Fact(Timeout = 60_000)]
    public async Task Many_repeats_of_one_name_and_many_distinct_names_cost_about_the_same_per_field()
    {
        // Walking every entry for every suffix took 12 s for 4,000 repeats and grows with their cube: these would not end.
        const int Fields = 30_000;
        await Task.Run(() =>
        {
            foreach (var (body, last) in (IEnumerable<(string, string)>)[
                (string.Join(' ', Enumerable.Range(0, Fields).Select(i => "a=" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))), "a_30000"),
                (string.Join(' ', Enumerable.Range(0, Fields).Select(i => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "=1")), "n29999")])
            {
                var record = FixtureRecords.Parse("type=SYSCALL msg=audit(1795333528.773:4160): " + body);
                var builder = new FieldMapBuilder();
                builder.AddDistinct(record, default);
                builder.AddDistinct(record, default);
                var map = builder.Build();
                Assert.Equal(Fields, map.Count);
                Assert.Equal(last, map[Fields - 1].Key);
            }
        });
    }

    [Fact]
    public void Names_and_values_of_every_short_length_are_copied_whole_mid_line_and_at_its_end()
    {
        // Names and values are copied 16 or 32 bytes at a time from the line followed by room, else exactly.
        for (var nameLength = 1; nameLength <= 40; nameLength++)
        {
            for (var valueLength = 0; valueLength <= 40; valueLength++)
            {
                var name = new string((char)('a' + (nameLength % 26)), nameLength);
                var value = string.Concat(Enumerable.Range(0, valueLength).Select(i => (char)('0' + (i % 10))));
                foreach (var body in (string[])[$"{name}={value}", $"{name}=\"{value}\"", $"{name}={value} z=1", $"z=1 {name}=\"{value}\" y=2"])
                {
                    var record = FixtureRecords.Parse("type=USER_LOGIN msg=audit(1795333528.773:4160): " + body);
                    var builder = new FieldMapBuilder();
                    builder.AddAll(record);
                    var expected = Enumerable.Range(0, record.FieldCount).Where(f => record[f].Text is not null)
                        .Select(f => new KeyValuePair<string, string>(record[f].NameText, record[f].Text!)).ToList();
                    Assert.Equal(Json(expected), Json(builder.Build()));
                    AssertDistinctFieldsFollowTheRule(record);
                }
            }
        }
    }

    [Fact]
    public void Values_and_names_written_escaped_read_back_as_their_text()
    {
        // A quote and a newline, invalid UTF-8 (read as U+FFFD), a name JSON escapes.
        var record = FixtureRecords.Parse("type=PATH msg=audit(1795333528.773:4160): item=0 name=6869220A nametype=NORMAL name=FF41 n\"a=1");
        var builder = new FieldMapBuilder();
        builder.AddAll(record);
        var map = builder.Build();
        Assert.Equal("hi\"\n", map.GetValue("name"u8));
        Assert.True(map.ValueEquals("name"u8, "hi\"\n"u8));
        Assert.False(map.ValueEquals("name"u8, "hi"u8));
        Assert.True(map.ValueEquals("nametype"u8, "NORMAL"u8));
        Assert.False(map.ValueEquals("nametype"u8, "PARENT"u8));
        Assert.Equal("1", map.GetValue("n\"a"u8));
        Assert.Null(map.GetValue("inode"u8));
        Assert.Equal(new KeyValuePair<string, string>("name", "\uFFFDA"), map[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => map[map.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => map[-1]);
        Assert.Equal("{\"item\":\"0\",\"name\":\"hi\\\"\\n\",\"nametype\":\"NORMAL\",\"name\":\"\uFFFDA\",\"n\\\"a\":\"1\"}", Json(map));
    }

    internal static void AssertEveryFieldReadsAndWritesAsItsDecodedString(FieldMapBuilder builder, AuditRecord record)
    {
        builder.Clear();
        builder.AddAll(record);
        var expected = new List<KeyValuePair<string, string>>();
        for (var f = 0; f < record.FieldCount; f++)
        {
            if (record[f].Text is { } text)
            {
                expected.Add(new(record[f].NameText, text));
            }
        }

        var map = builder.Build();
        Assert.Equal(expected, map.ToList());
        Assert.Equal(Json(expected), Json(map));
        foreach (var (name, _) in expected)
        {
            var first = expected.First(pair => pair.Key == name).Value;
            Assert.Equal(first, map.GetValue(Encoding.UTF8.GetBytes(name)));
            Assert.True(map.ValueEquals(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(first)), name);
        }
    }

    internal static void AssertDistinctFieldsFollowTheRule(AuditRecord record)
    {
        var builder = new FieldMapBuilder();
        var expected = new List<KeyValuePair<string, string>>();
        // Twice over: the second pass repeats every name with the same value, so it must add nothing.
        for (var pass = 0; pass < 2; pass++)
        {
            builder.AddDistinct(record, default);
            for (var f = 0; f < record.FieldCount; f++)
            {
                if (record[f].Text is { } text)
                {
                    AddDistinct(expected, record[f].NameText, text);
                }
            }
        }

        var map = builder.Build();
        Assert.Equal(expected, map.ToList());
        Assert.Equal(Json(expected), Json(map));
    }

    // The rule as the Fields column documents it, on strings.
    private static void AddDistinct(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? name : name + "_" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var existing = fields.FindIndex(p => p.Key == candidate);
            if (existing < 0)
            {
                fields.Add(new(candidate, value));
                return;
            }

            if (fields[existing].Value == value)
            {
                return;
            }
        }
    }

    private static string Json(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in pairs)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Json(FieldMap map)
    {
        using var json = new RowJsonBuffer();
        map.WriteTo(json);
        return Encoding.UTF8.GetString(json.Written);
    }
}
