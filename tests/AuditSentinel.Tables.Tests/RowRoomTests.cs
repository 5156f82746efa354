using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// A row's short columns store through one reference with no room check each, relying on the room the row asks for
/// once (and again after each long column). A row whose every short column is as long as its short form gets (32-char
/// strings, 20-char numbers), after a long column that moves them across every distance from the end of the
/// buffer's first 16 KiB, must come out as Utf8JsonWriter with relaxed escaping writes it.
/// </summary>
public class RowRoomTests
{
    private const int FirstBuffer = 16 * 1024;

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Rows_of_the_longest_short_columns_written_at_every_distance_from_the_buffer_end_are_written_as_utf8jsonwriter_writes_them()
    {
        var row = LongestShortColumns();
        var expectedTail = Reference(row, computer: string.Empty);
        var budget = AuditTables.LinuxAuditEvents.Schema.Columns.Count * (ColumnPrefix.Window + PlainJsonText.ShortChars + 1);
        for (var length = FirstBuffer - budget - 200; length <= FirstBuffer + 8; length++)
        {
            row.Computer = new string('c', length);
            using var writer = new RowJsonWriter();
            var written = writer.Serialize(AuditTables.LinuxAuditEvents, row);
            var expected = Reference(row, row.Computer);
            if (!written.SequenceEqual(expected))
            {
                Assert.Fail($"Computer of {length} chars: expected {System.Text.Encoding.UTF8.GetString(expected)}\ngot {System.Text.Encoding.UTF8.GetString(written)}");
            }
        }

        Assert.True(expectedTail.Length > budget / 2, $"The short columns ({expectedTail.Length} bytes) fill a good part of the room the row asks for ({budget}).");
    }

    /// <summary>Every column is written after a comma and the first one's comma becomes the brace: rows of every combination of present columns.</summary>
    [Theory]
    [InlineData(null, null, "{}")]
    [InlineData("x", null, "{\"A\":\"x\"}")]
    [InlineData(null, 7L, "{\"B\":7}")]
    [InlineData("x", 7L, "{\"A\":\"x\",\"B\":7}")]
    public void Rows_whose_first_columns_or_all_columns_are_null_are_objects_of_the_others(string? first, long? second, string expected)
    {
        var table = RowTable<PairRow>.Declare("Pair", new PairRow(null, null), PairRow.Visit, PairRow.Visit);
        using var writer = new RowJsonWriter();
        var ndjson = new ArrayBufferWriter<byte>();
        writer.WriteNdjson(table, new PairRow(first, second), ndjson);
        writer.WriteNdjson(table, new PairRow(second is null ? null : "y", first is null ? null : 8), ndjson);
        var lines = System.Text.Encoding.UTF8.GetString(ndjson.WrittenSpan).Split('\n');
        Assert.Equal(expected, lines[0]);
        Assert.Equal(3, lines.Length);
        using var other = JsonDocument.Parse(lines[1]);
        Assert.Equal((first is null ? 0 : 1) + (second is null ? 0 : 1), other.RootElement.EnumerateObject().Count());
    }

    /// <summary>Each column takes the next prefix: a declaration that skips a column for some rows is refused, not written with shifted names.</summary>
    [Fact]
    public void A_declaration_that_skips_a_column_for_some_rows_is_refused()
    {
        var table = RowTable<PairRow>.Declare("Skipping", new PairRow("declared", 1), PairRow.VisitSkippingNullA, PairRow.VisitSkippingNullA);
        using var writer = new RowJsonWriter();
        Assert.Equal("{\"A\":\"x\",\"B\":1}", System.Text.Encoding.UTF8.GetString(writer.Serialize(table, new PairRow("x", 1))));
        var refused = Assert.Throws<InvalidOperationException>(() => writer.Serialize(table, new PairRow(null, 1)));
        Assert.Contains("visited 1 of its 2 columns", refused.Message, StringComparison.Ordinal);
    }

    // Every string property 32 plain chars (the longest short form), every number its longest text, arrays of such strings.
    private static AuditEventRow LongestShortColumns()
    {
        var row = new AuditEventRow();
        foreach (var property in typeof(AuditEventRow).GetProperties())
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object? value = type switch
            {
                _ when type == typeof(string) => new string('s', PlainJsonText.ShortChars),
                _ when type == typeof(long) => long.MinValue,
                _ when type == typeof(int) => int.MinValue,
                _ when type == typeof(bool) => false,
                _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 30, 17, 20, 31, 999, TimeSpan.Zero),
                _ when type.IsAssignableFrom(typeof(string[])) => new[] { new string('a', PlainJsonText.ShortChars), new string('b', PlainJsonText.ShortChars) },
                _ => null,
            };
            property.SetValue(row, value);
        }

        return row;
    }

    // The row's columns written by Utf8JsonWriter from the schema and the row's properties, in schema order.
    private static byte[] Reference(AuditEventRow row, string computer)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartObject();
            foreach (var column in AuditTables.LinuxAuditEvents.Schema.Columns)
            {
                var value = column.Name == "TimeGenerated" ? row.EventTime : typeof(AuditEventRow).GetProperty(column.Name)?.GetValue(row);
                switch (value)
                {
                    case null:
                        break;
                    case string text:
                        writer.WriteString(column.Name, column.Name == "Computer" ? computer : text);
                        break;
                    case long or int:
                        writer.WriteNumber(column.Name, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case bool flag:
                        writer.WriteBoolean(column.Name, flag);
                        break;
                    case DateTimeOffset time:
                        writer.WriteString(column.Name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case IEnumerable<string?> items:
                        writer.WriteStartArray(column.Name);
                        foreach (var item in items)
                        {
                            writer.WriteStringValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        throw new InvalidOperationException($"{column.Name}: no reference for {value.GetType()}");
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal sealed record PairRow(string? A, long? B)
    {
        public static void Visit<TColumns>(PairRow row, ref TColumns columns)
            where TColumns : struct, IColumnVisitor, allows ref struct
        {
            columns.String("A", "A string.", row.A);
            columns.Long("B", "A number.", row.B);
        }

        // Against the declaration's contract: column A only when it has a value.
        public static void VisitSkippingNullA<TColumns>(PairRow row, ref TColumns columns)
            where TColumns : struct, IColumnVisitor, allows ref struct
        {
            if (row.A is not null)
            {
                columns.String("A", "A string.", row.A);
            }

            columns.Long("B", "A number.", row.B);
        }
    }
}
