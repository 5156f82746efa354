using System.Text;
using System.Text.Json;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Floor.Tests;

/// <summary>The floor's output is valid JSON, one object a record, holding the fields its scan found.</summary>
public sealed class JsonOutputTests
{
    public static TheoryData<string, int> FixtureLogsAndBlockSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var log in RepoPaths.FixtureLogs())
        {
            // A small block carries lines over and grows for long ones; the program's reads whole files.
            data.Add(log, 4096);
            data.Add(log, FloorRun.DefaultBlockSize);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureLogsAndBlockSizes))]
    public void Each_record_is_a_valid_JSON_object_of_the_fields_found(string log, int blockSize)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Fixture(log));
        var expected = CollectingSink.Of(bytes, blockSize).Where(line => line.Count > 0).ToList();
        Assert.Equal(expected, JsonRecords(bytes, FloorVariant.Json, blockSize), LineComparer.Instance);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(97)]
    [InlineData(4096)]
    public void Names_and_values_around_the_vector_width_are_written_whole_also_at_a_blocks_end(int blockSize)
    {
        // Lengths across the 32-byte vector copy, each line's last value against its line end, the file's last line
        // without one: with small blocks, many fields end at a block's last byte.
        var lines = new List<List<(string Name, string Value)>>();
        foreach (var nameLength in new[] { 1, 31, 32, 33 })
        {
            for (var valueLength = 0; valueLength <= 40; valueLength++)
            {
                var name = new string('n', nameLength);
                lines.Add([(name, new string((char)('a' + (valueLength % 26)), valueLength)), ("q", new string('v', valueLength))]);
            }
        }

        var log = string.Join('\n', lines.Select(line => $"{line[0].Name}={line[0].Value} {line[1].Name}=\"{line[1].Value}\""));
        var records = JsonRecords(Encoding.UTF8.GetBytes(log), FloorVariant.Json, blockSize);
        Assert.Equal(lines, records.Select(record => record.Select(field => (field.Name, field.Value)).ToList()));
    }

    [Theory]
    [InlineData("a\\b")]
    [InlineData("say\"hi\"")]
    [InlineData("tab\tin quotes")]
    [InlineData("ctl\u0001\u001f")]
    [InlineData("caf\u00e9 \u65e5\u672c")]
    [InlineData("del\u007f")]
    public void Bytes_JSON_escapes_are_escaped(string value)
    {
        // Bare (its blanks made '_'), and quoted where it has no quote of its own, so that its blanks stay.
        var bare = value.Replace(' ', '_').Replace('\t', '_');
        var quoted = value.Replace("\"", "", StringComparison.Ordinal);
        var log = $"type=X msg=audit(1.000:1): bare={bare} quoted=\"{quoted}\"\n";
        var record = Assert.Single(JsonRecords(Encoding.UTF8.GetBytes(log), FloorVariant.Json, 4096));
        Assert.Equal(("bare", bare), (record[2].Name, record[2].Value));
        Assert.Equal(("quoted", quoted), (record[3].Name, record[3].Value));
    }

    [Fact]
    public void Invalid_UTF8_becomes_the_replacement_character()
    {
        byte[] log = [.. "type=X msg=audit(1.000:1): a=x"u8, 0xFF, 0xC3, (byte)'y', .. "\n"u8];
        var record = Assert.Single(JsonRecords(log, FloorVariant.Json, 4096));
        Assert.Equal("x\uFFFD\uFFFDy", record[2].Value);
    }

    [Fact]
    public void Event_ids_are_the_products_for_each_record()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("ssh-intrusion", "audit.log"));
        var records = JsonRecords(bytes, FloorVariant.JsonWithEventIds, 4096);
        var parser = new RecordParser();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Length, records.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.True(parser.TryParse(Encoding.UTF8.GetBytes(lines[i]), i + 1, out var record, out _));
            var id = Assert.Single(records[i], field => field.Name == "event_id").Value;
            Assert.Equal(EventIds.Of(new EventKey(record.Node, record.Timestamp, record.Serial)), id);
        }
    }

    // The records the floor writes, each as its fields in order, every line parsed as JSON.
    private static List<List<FoundField>> JsonRecords(byte[] log, FloorVariant variant, int blockSize)
    {
        var output = new MemoryStream();
        FloorRun.Run(new MemoryStream(log), output, variant, blockSize);
        var text = output.ToArray();
        Assert.True(text.Length == 0 || text[^1] == (byte)'\n');
        var records = new List<List<FoundField>>();
        foreach (var line in text.AsSpan().Split((byte)'\n'))
        {
            if (line.Start.Equals(line.End))
            {
                continue;
            }

            // The reader rejects invalid UTF-8 and unescaped controls as well as bad syntax.
            using var document = JsonDocument.Parse(text.AsMemory()[line]);
            records.Add([.. document.RootElement.EnumerateObject().Select(property => new FoundField(property.Name, property.Value.GetString()!, Plain: false, IsPlain: false))]);
        }

        return records;
    }

    // Records compared by their names and values only.
    private sealed class LineComparer : IEqualityComparer<List<FoundField>>
    {
        public static readonly LineComparer Instance = new();

        public bool Equals(List<FoundField>? x, List<FoundField>? y) =>
            x is not null && y is not null && x.Select(field => (field.Name, field.Value)).SequenceEqual(y.Select(field => (field.Name, field.Value)));

        public int GetHashCode(List<FoundField> obj) => obj.Count;
    }
}
