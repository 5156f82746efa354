using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// The column and item writes store through references, relying on the room they ask for: each is written at every
/// distance from the end of the buffer's first 16 KiB, and with the chars that need escaping at every position of the
/// lengths around the short path's sixteen, and must come out as Utf8JsonWriter with relaxed escaping writes it.
/// </summary>
public class RowJsonColumnEdgeTests
{
    private const int FirstBuffer = 16 * 1024;

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly char[] EdgeChars = ['a', '\0', '\u001F', ' ', '"', '\\', '~', '\u007F', '\u0080', '\u00E9', '\u7FFF', '\u8000', '\uD800', '\uFFFF'];

    // A prefix ,"Name":" is the name and five bytes.
    private const int LongestNameLength = ColumnPrefix.Window - 5;

    public static TheoryData<string> Values() =>
    [
        string.Empty, "a", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq",
        new string('x', 31), new string('x', 32), new string('x', 33), "/usr/lib/x86_64-linux-gnu/a\"b", "a\"b", "tab\there", "\u00E9t\u00E9", "sixteen-chars-\u0001!",
        "\"touch -d \\\"2020-01-01\\\" /tmp/.y\",<ret>,\"exit\",<ret>", "\"\\\"\\", "quoted \"\u00E9\" and \\ then \u007F",
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void Columns_and_items_written_at_every_distance_from_the_buffer_end_are_written_as_utf8jsonwriter_writes_them(string value)
    {
        var time = new DateTimeOffset(2026, 11, 22, 7, 45, 28, 7, TimeSpan.Zero);
        var longest = Enumerable.Range(0, 5).Select(k => new string((char)('n' + k), LongestNameLength)).ToArray();
        for (var fill = FirstBuffer - 160; fill <= FirstBuffer + 8; fill++)
        {
            var filler = new string('f', fill);
            var row = new ColumnsRow(
                ("filler", filler), (longest[0], value), ("s", (long)uint.MaxValue), (longest[1], long.MinValue), (longest[2], value.Length % 2 == 0), (longest[3], time), (longest[4], new[] { value, null, value }));
            using var writer = new RowJsonWriter();
            var written = writer.Serialize(row.Table(), row);
            var expected = Reference(w =>
            {
                w.WriteStartObject();
                w.WriteString("filler", filler);
                w.WriteString(longest[0], value);
                w.WriteNumber("s", uint.MaxValue);
                w.WriteNumber(longest[1], long.MinValue);
                w.WriteBoolean(longest[2], value.Length % 2 == 0);
                w.WriteString(longest[3], "2026-11-22T07:45:28.007Z");
                w.WriteStartArray(longest[4]);
                w.WriteStringValue(value);
                w.WriteNullValue();
                w.WriteStringValue(value);
                w.WriteEndArray();
                w.WriteEndObject();
            });
            AssertEqual(expected, written, $"value '{value}' after {fill} bytes");
        }
    }

    [Fact]
    public void Chars_that_need_escaping_at_every_position_around_the_short_length_are_written_as_utf8jsonwriter_writes_them()
    {
        using var writer = new RowJsonWriter();
        for (var length = 1; length <= PlainJsonText.ShortChars + 2; length++)
        {
            foreach (var edge in EdgeChars)
            {
                for (var at = 0; at < length; at++)
                {
                    var chars = Enumerable.Range(0, length).Select(i => (char)('A' + (i % 26))).ToArray();
                    chars[at] = edge;
                    var value = new string(chars);
                    var row = new ColumnsRow(("s", value), ("a", new[] { value, value }));
                    var expected = Reference(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("s", value);
                        w.WriteStartArray("a");
                        w.WriteStringValue(value);
                        w.WriteStringValue(value);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    });
                    AssertEqual(expected, writer.Serialize(row.Table(), row), $"U+{(int)edge:X4} at {at} of {length}");
                }
            }
        }
    }

    private static void AssertEqual(byte[] expected, ReadOnlySpan<byte> written, string what)
    {
        if (!written.SequenceEqual(expected))
        {
            Assert.Fail($"{what}: expected {Encoding.UTF8.GetString(expected)} got {Encoding.UTF8.GetString(written)}");
        }
    }

    private static byte[] Reference(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
