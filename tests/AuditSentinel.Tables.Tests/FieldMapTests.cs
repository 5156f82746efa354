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
            builder.Clear();
            var expected = new List<KeyValuePair<string, string>>();
            for (var f = 0; f < record.FieldCount; f++)
            {
                builder.Add(record[f]);
                if (record[f].Text is { } text)
                {
                    expected.Add(new(record[f].NameText, text));
                }
            }

            var map = builder.Build();
            Assert.Equal(expected, map.ToList());
            Assert.Equal(Json(expected), Json(map));
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Distinct_fields_drop_repeats_and_suffix_new_values(string log)
    {
        var builder = new FieldMapBuilder();
        foreach (var record in FixtureRecords.All(log))
        {
            builder.Clear();
            var expected = new List<KeyValuePair<string, string>>();
            // Twice over: the second pass repeats every name with the same value, so it must add nothing.
            for (var pass = 0; pass < 2; pass++)
            {
                for (var f = 0; f < record.FieldCount; f++)
                {
                    builder.AddDistinct(record[f]);
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
