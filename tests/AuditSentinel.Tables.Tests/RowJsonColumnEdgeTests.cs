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

    private static readonly ColumnPrefix Filler = RowJsonBuffer.EncodeName("filler");
    private static readonly ColumnPrefix Short = RowJsonBuffer.EncodeName("s");
    private static readonly string LongestName = new('n', ColumnPrefix.Window - 5);
    private static readonly ColumnPrefix Longest = RowJsonBuffer.EncodeName(LongestName);

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
        for (var fill = FirstBuffer - 160; fill <= FirstBuffer + 8; fill++)
        {
            var filler = new string('f', fill);
            using var json = new RowJsonBuffer();
            json.WriteStartObject();
            json.WriteString(Filler, filler);
            json.WriteString(Longest, value);
            json.WriteNumber(Short, uint.MaxValue);
            json.WriteNumber(Longest, long.MinValue);
            json.WriteBoolean(Longest, value.Length % 2 == 0);
            json.WriteDateTime(Longest, time);
            json.WriteStartArray(Longest);
            json.WriteStringValue(value);
            json.WriteStringValue((string?)null);
            json.WriteStringValue(value);
            json.WriteNumberValue(fill);
            json.WriteEndArray();
            json.WriteEndObject();
            var expected = Reference(w =>
            {
                w.WriteStartObject();
                w.WriteString("filler", filler);
                w.WriteString(LongestName, value);
                w.WriteNumber("s", uint.MaxValue);
                w.WriteNumber(LongestName, long.MinValue);
                w.WriteBoolean(LongestName, value.Length % 2 == 0);
                w.WriteString(LongestName, "2026-11-22T07:45:28.007Z");
                w.WriteStartArray(LongestName);
                w.WriteStringValue(value);
                w.WriteNullValue();
                w.WriteStringValue(value);
                w.WriteNumberValue(fill);
                w.WriteEndArray();
                w.WriteEndObject();
            });
            AssertEqual(expected, json.Written, $"value '{value}' after {fill} bytes");
        }
    }

    [Fact]
    public void Chars_that_need_escaping_at_every_position_around_the_short_length_are_written_as_utf8jsonwriter_writes_them()
    {
        using var json = new RowJsonBuffer();
        for (var length = 1; length <= PlainJsonText.ShortChars + 2; length++)
        {
            foreach (var edge in EdgeChars)
            {
                for (var at = 0; at < length; at++)
                {
                    var chars = Enumerable.Range(0, length).Select(i => (char)('A' + (i % 26))).ToArray();
                    chars[at] = edge;
                    var value = new string(chars);
                    json.Clear();
                    json.WriteStartObject();
                    json.WriteString(Short, value);
                    json.WriteStartArray(Short);
                    json.WriteStringValue(value);
                    json.WriteStringValue(value);
                    json.WriteEndArray();
                    json.WriteEndObject();
                    var expected = Reference(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("s", value);
                        w.WriteStartArray("s");
                        w.WriteStringValue(value);
                        w.WriteStringValue(value);
                        w.WriteEndArray();
                        w.WriteEndObject();
                    });
                    AssertEqual(expected, json.Written, $"U+{(int)edge:X4} at {at} of {length}");
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
