using System.Buffers;
using System.Text.Json;
using AuditSentinel.Tables.Rows;
using AuditSentinel.Tables.Schema;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

public class RowJsonTests
{
    public static TheoryData<string> Logs() =>
    [
        RepoPaths.SshIntrusionLog,
        .. Directory.GetFiles(RepoPaths.Fixture("go-libaudit", "auparse", "testdata"), "*.log"),
    ];

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task Every_column_of_every_row_is_declared_and_has_the_declared_type(string path)
    {
        var log = await MappedLog.ReadFileAsync(path);
        Assert.NotEmpty(log.Events);
        using var writer = new RowJsonWriter();
        var events = new ArrayBufferWriter<byte>();
        foreach (var row in log.Events)
        {
            writer.WriteNdjson(AuditTables.LinuxAuditEvents, row, events);
        }

        var tty = new ArrayBufferWriter<byte>();
        foreach (var row in log.TtyInput)
        {
            writer.WriteNdjson(AuditTables.LinuxTtyInput, row, tty);
        }

        Assert.Equal(log.Events.Count, CheckNdjson(events.WrittenMemory, AuditTables.LinuxAuditEvents.Schema));
        Assert.Equal(log.TtyInput.Count, CheckNdjson(tty.WrittenMemory, AuditTables.LinuxTtyInput.Schema));
    }

    /// <summary>
    /// The rows are written by our own writer: rewritten through Utf8JsonWriter with relaxed escaping (which escapes
    /// every string again from its decoded text) every row of every fixture log must come out byte for byte the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public async Task Every_row_is_written_exactly_as_utf8jsonwriter_writes_it(string path)
    {
        var log = await MappedLog.ReadFileAsync(RepoPaths.Fixture(path));
        using var writer = new RowJsonWriter();
        foreach (var row in log.Events)
        {
            AssertCanonical(writer.Serialize(AuditTables.LinuxAuditEvents, row));
        }

        foreach (var row in log.TtyInput)
        {
            AssertCanonical(writer.Serialize(AuditTables.LinuxTtyInput, row));
        }
    }

    public static TheoryData<string> FixtureLogs() => [.. RepoPaths.FixtureLogs()];

    /// <summary>The mappers give string lists as arrays, which are read as spans; any other list must write the same.</summary>
    [Fact]
    public async Task String_lists_that_are_not_arrays_are_written_as_arrays_are()
    {
        var log = await MappedLog.ReadFileAsync(RepoPaths.SshIntrusionLog);
        using var writer = new RowJsonWriter();
        var lists = 0;
        foreach (var row in log.Events)
        {
            var fromArrays = writer.Serialize(AuditTables.LinuxAuditEvents, row).ToArray();
            Assert.IsType<string[]>(row.RecordTypes);
            row.RecordTypes = new List<string>(row.RecordTypes);
            row.Argv = row.Argv is null ? null : new List<string?>(row.Argv);
            row.Keys = row.Keys is null ? null : new List<string>(row.Keys);
            row.Techniques = row.Techniques is null ? null : new List<string>(row.Techniques);
            lists += row.Argv is null ? 0 : 1;
            Assert.Equal(fromArrays, writer.Serialize(AuditTables.LinuxAuditEvents, row).ToArray());
        }

        Assert.True(lists > 0, "The log has EXECVE arguments.");
    }

    /// <summary>
    /// Each column is written under its own name with its own value: a row whose every property holds a value of its
    /// own (a string its name, a number its position) writes every declared column that has a property of that name,
    /// and each holds that property's value, so no declaration can skip, swap or shift a column.
    /// </summary>
    [Fact]
    public void Every_property_is_written_under_its_column_with_its_own_value()
    {
        AssertOwnValues(AuditTables.LinuxAuditEvents, Filled(new AuditEventRow()), ["TimeGenerated", "Paths", "Fields", "TruncatedFields"]);
        AssertOwnValues(AuditTables.LinuxTtyInput, Filled(new TtyInputRow { EventId = "", RecordType = "", ParserVersion = "" }), ["TimeGenerated", "TruncatedFields"]);
        AssertOwnValues(AuditTables.LinuxAuditHealth, Filled(new AuditHealthRow { SourceKind = "", ParserVersion = "" }), ["RejectReasons"]);
    }

    private static TRow Filled<TRow>(TRow row)
    {
        var properties = typeof(TRow).GetProperties();
        for (var position = 0; position < properties.Length; position++)
        {
            var property = properties[position];
            property.SetValue(row, OwnValue(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, property.Name, position));
        }

        return row;
    }

    // Maps (built by the mapper only) are left null: the schema tests and the fixture rows cover them.
    private static object? OwnValue(Type type, string name, int position) => type switch
    {
        _ when type == typeof(string) => name,
        _ when type == typeof(long) => 1000L + position,
        _ when type == typeof(int) => 1000 + position,
        _ when type == typeof(bool) => true,
        _ when type == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch.AddSeconds(position),
        _ when type.IsAssignableFrom(typeof(string[])) => new[] { name, "second" },
        _ => null,
    };

    private static void AssertOwnValues<TRow>(RowTable<TRow> table, TRow row, string[] withoutOwnProperty)
    {
        using var writer = new RowJsonWriter();
        using var document = JsonDocument.Parse(writer.Serialize(table, row).ToArray());
        var written = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        foreach (var column in table.Schema.Columns.Where(c => !withoutOwnProperty.Contains(c.Name)))
        {
            Assert.True(written.TryGetValue(column.Name, out var value), $"{table.Schema.Name}.{column.Name} was not written");
            var expected = typeof(TRow).GetProperty(column.Name)!.GetValue(row);
            var actual = expected switch
            {
                string => value.GetString(),
                long => value.GetInt64(),
                int => value.GetInt32(),
                bool => value.GetBoolean(),
                DateTimeOffset => (object)DateTimeOffset.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                IEnumerable<string> => value.EnumerateArray().Select(item => item.GetString()).ToArray(),
                _ => throw new InvalidOperationException($"{column.Name}: no comparison for {expected?.GetType()}"),
            };
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Datetimes_are_utc_with_milliseconds_nulls_are_left_out_and_serialize_equals_ndjson()
    {
        var row = new AuditHealthRow
        {
            TimeGenerated = new DateTimeOffset(2026, 11, 22, 8, 45, 28, 7, TimeSpan.FromHours(1)),
            SourceKind = "file",
            SourceName = "audit.log",
            RejectReasons = [new("blank-line", 2)],
            ParserVersion = "0.1.0",
        };
        using var writer = new RowJsonWriter();
        var json = System.Text.Encoding.UTF8.GetString(writer.Serialize(AuditTables.LinuxAuditHealth, row));
        Assert.StartsWith("{\"TimeGenerated\":\"2026-11-22T07:45:28.007Z\",\"SourceName\":\"audit.log\",\"SourceKind\":\"file\",\"Bytes\":0,", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Computer", json, StringComparison.Ordinal);
        Assert.DoesNotContain("FirstEventTime", json, StringComparison.Ordinal);
        Assert.Contains("\"RejectReasons\":{\"blank-line\":2}", json, StringComparison.Ordinal);
        var ndjson = new ArrayBufferWriter<byte>();
        var written = writer.WriteNdjson(AuditTables.LinuxAuditHealth, row, ndjson);
        Assert.Equal(json + "\n", System.Text.Encoding.UTF8.GetString(ndjson.WrittenSpan));
        Assert.Equal(ndjson.WrittenCount, written);
        Assert.Equal(1, CheckNdjson(ndjson.WrittenMemory, AuditTables.LinuxAuditHealth.Schema));
    }

    [Fact]
    public async Task Stream_output_is_the_same_ndjson()
    {
        var log = await MappedLog.ReadFileAsync(RepoPaths.SshIntrusionLog);
        using var writer = new RowJsonWriter();
        var expected = new ArrayBufferWriter<byte>();
        foreach (var row in log.Events)
        {
            writer.WriteNdjson(AuditTables.LinuxAuditEvents, row, expected);
        }

        using var stream = new MemoryStream();
        await writer.WriteNdjsonAsync(AuditTables.LinuxAuditEvents, log.Events, stream);
        Assert.Equal(expected.WrittenSpan.ToArray(), stream.ToArray());
    }

    private static void AssertCanonical(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var rewritten = new ArrayBufferWriter<byte>();
        using (var reference = new Utf8JsonWriter(rewritten, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(reference);
        }

        if (!json.SequenceEqual(rewritten.WrittenSpan))
        {
            Assert.Fail($"written:   {System.Text.Encoding.UTF8.GetString(json)}\nreference: {System.Text.Encoding.UTF8.GetString(rewritten.WrittenSpan)}");
        }
    }

    /// <summary>Parses NDJSON back and checks each property against the schema, in schema order; returns the row count.</summary>
    internal static int CheckNdjson(ReadOnlyMemory<byte> ndjson, TableSchema schema)
    {
        var columns = schema.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c.Name, x => x, StringComparer.Ordinal);
        var rows = 0;
        var text = System.Text.Encoding.UTF8.GetString(ndjson.Span);
        if (text.Length == 0)
        {
            return 0;
        }

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        foreach (var line in text[..^1].Split('\n'))
        {
            rows++;
            using var document = JsonDocument.Parse(line);
            var last = -1;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                Assert.True(columns.TryGetValue(property.Name, out var column), $"{schema.Name} has no column {property.Name}");
                Assert.True(column.i > last, $"{property.Name} is out of schema order");
                last = column.i;
                Assert.True(HasType(property.Value, column.c.Type), $"{schema.Name}.{property.Name} is {column.c.Type} but holds {property.Value.GetRawText()}");
            }
        }

        return rows;
    }

    private static bool HasType(JsonElement value, ColumnType type) => type switch
    {
        ColumnType.String => value.ValueKind == JsonValueKind.String,
        ColumnType.Int => value.TryGetInt32(out _),
        ColumnType.Long => value.TryGetInt64(out _),
        ColumnType.Real => value.ValueKind == JsonValueKind.Number,
        ColumnType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        ColumnType.Dynamic => value.ValueKind is JsonValueKind.Array or JsonValueKind.Object,
        ColumnType.DateTime => value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _),
        _ => false,
    };
}
