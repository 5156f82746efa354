using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditSentinel.Tables.Rows;
using FsCheck;
using FsCheck.Fluent;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// RowJsonBuffer must write exactly what Utf8JsonWriter with relaxed escaping writes (the NDJSON sent must not change):
/// every UTF-16 char and every Unicode scalar as UTF-8, in values and in names, numbers, literals and nesting.
/// </summary>
public class RowJsonBufferTests
{
    // A prefix ,"Name":" is the name and five bytes.
    private const int LongestColumnName = ColumnPrefix.Window - 5;

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Every_utf16_char_is_written_as_utf8jsonwriter_writes_it()
    {
        using var json = new RowJsonBuffer();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "ab" + (char)c + "cd";
            AssertSame(text, w => w.WriteStringValue(text), b => b.WriteStringValue(text), json);
        }
    }

    [Fact]
    public void Every_unicode_scalar_is_written_as_utf8jsonwriter_writes_it_from_utf8_and_from_utf16()
    {
        using var json = new RowJsonBuffer();
        Span<byte> utf8 = stackalloc byte[8];
        for (var scalar = 0; scalar <= 0x10FFFF; scalar++)
        {
            if (!Rune.TryCreate(scalar, out var rune))
            {
                continue;
            }

            "x"u8.CopyTo(utf8);
            var length = 1 + rune.EncodeToUtf8(utf8[1..]);
            var bytes = utf8[..length].ToArray();
            AssertSame(scalar.ToString("X", System.Globalization.CultureInfo.InvariantCulture), w => w.WriteStringValue(bytes), b => b.WriteStringValue(bytes), json);
            if (scalar > char.MaxValue)
            {
                var text = rune.ToString();
                AssertSame(text, w => w.WriteStringValue(text), b => b.WriteStringValue(text), json);
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0xC3, (byte)'b' })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { (byte)'a', 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })]
    public void Invalid_utf8_is_written_as_utf8jsonwriter_writes_it(byte[] invalid)
    {
        using var json = new RowJsonBuffer();
        AssertSame(Convert.ToHexString(invalid), w => w.WriteStringValue(invalid), b => b.WriteStringValue(invalid), json);
    }

    [Fact]
    public void Random_text_names_numbers_and_nesting_are_written_as_utf8jsonwriter_writes_them()
    {
        using var json = new RowJsonBuffer();
        Prop.ForAll<string?, string?, string?[]>((maybeName, maybeValue, items) =>
        {
            var name = maybeName ?? string.Empty;
            var value = maybeValue ?? string.Empty;
            var number = (long)name.GetHashCode(StringComparison.Ordinal) * value.Length;
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            AssertSame(
                value,
                w =>
                {
                    w.WriteStartObject();
                    w.WriteString(nameBytes, valueBytes);
                    w.WriteNumber(name, number);
                    w.WriteStartArray(name);
                    foreach (var item in items)
                    {
                        w.WriteStringValue(item);
                    }

                    w.WriteStartObject();
                    w.WriteEndObject();
                    w.WriteStartArray();
                    w.WriteEndArray();
                    w.WriteNullValue();
                    w.WriteEndArray();
                    w.WriteString("v", value);
                    w.WriteEndObject();
                },
                b =>
                {
                    b.WriteStartObject();
                    b.WritePropertyName(nameBytes);
                    b.WriteStringValue(valueBytes);
                    b.WritePropertyName(name.AsSpan());
                    b.WriteNumberValue(number);
                    b.WritePropertyName(name.AsSpan());
                    b.WriteStartArray();
                    foreach (var item in items)
                    {
                        b.WriteStringValue(item);
                    }

                    b.WriteStartObject();
                    b.WriteEndObject();
                    b.WriteStartArray();
                    b.WriteEndArray();
                    b.WriteStringValue((string?)null);
                    b.WriteEndArray();
                    b.WriteEncodedPropertyName(RowJsonBuffer.EncodeName("v"));
                    b.WriteStringValue(value);
                    b.WriteEndObject();
                },
                json);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Every column of a row is written after a comma and the first one's becomes the brace: each kind of column first and after others.</summary>
    [Fact]
    public void Columns_written_first_or_after_others_are_written_as_utf8jsonwriter_writes_them()
    {
        using var writer = new RowJsonWriter();
        Prop.ForAll<string?, long, DateTimeOffset>((maybeValue, number, time) =>
        {
            var value = maybeValue ?? string.Empty;
            var stamp = Stamp(time);
            AssertRow(
                new ColumnsRow(("s", value), ("n", number), ("t", time)),
                w =>
                {
                    w.WriteString("s", value);
                    w.WriteNumber("n", number);
                    w.WriteString("t", stamp);
                },
                writer);
            AssertRow(
                new ColumnsRow(("n", number), ("s", value)),
                w =>
                {
                    w.WriteNumber("n", number);
                    w.WriteString("s", value);
                },
                writer);
            AssertRow(
                new ColumnsRow(("t", time), ("s", value), ("f", number % 2 == 0)),
                w =>
                {
                    w.WriteString("t", stamp);
                    w.WriteString("s", value);
                    w.WriteBoolean("f", number % 2 == 0);
                },
                writer);
            AssertRow(
                new ColumnsRow(("f", number % 2 != 0), ("a", new[] { value, null })),
                w =>
                {
                    w.WriteBoolean("f", number % 2 != 0);
                    w.WriteStartArray("a");
                    w.WriteStringValue(value);
                    w.WriteNullValue();
                    w.WriteEndArray();
                },
                writer);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Prefixes are copied as a window of two vectors: every name length up to the longest it holds, for every kind of column.</summary>
    [Fact]
    public void Column_names_of_every_length_are_written_as_utf8jsonwriter_writes_them()
    {
        using var writer = new RowJsonWriter();
        var time = new DateTimeOffset(2026, 11, 22, 7, 45, 28, 777, TimeSpan.Zero);
        for (var length = 1; length <= LongestColumnName; length++)
        {
            // Six names of this length, told apart by their first letter.
            var names = Enumerable.Range(0, 6).Select(k => string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + ((i + k) % 26))))).ToArray();
            AssertRow(
                new ColumnsRow((names[0], "v"), (names[1], 42L), (names[2], time), (names[3], string.Empty), (names[4], Array.Empty<string?>()), (names[5], new string?[] { "x" })),
                w =>
                {
                    w.WriteString(names[0], "v");
                    w.WriteNumber(names[1], 42);
                    w.WriteString(names[2], "2026-11-22T07:45:28.777Z");
                    w.WriteString(names[3], string.Empty);
                    w.WriteStartArray(names[4]);
                    w.WriteEndArray();
                    w.WriteStartArray(names[5]);
                    w.WriteStringValue("x");
                    w.WriteEndArray();
                },
                writer);
        }
    }

    /// <summary>A name too long for the window is refused when its column is declared, never written past its room.</summary>
    [Fact]
    public void A_column_name_longer_than_the_prefix_window_is_refused()
    {
        Assert.NotNull(RowJsonBuffer.EncodeName(new string('n', LongestColumnName)));
        Assert.Throws<ArgumentException>(() => RowJsonBuffer.EncodeName(new string('n', LongestColumnName + 1)));
    }
    [Theory]
    [InlineData(0L)]
    [InlineData(9L)]
    [InlineData(10L)]
    [InlineData(-1L)]
    [InlineData(4294967295L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Numbers_are_written_as_utf8jsonwriter_writes_them(long number)
    {
        using var json = new RowJsonBuffer();
        AssertSame(number.ToString(System.Globalization.CultureInfo.InvariantCulture), w => w.WriteNumberValue(number), b => b.WriteNumberValue(number), json);
    }

    [Fact]
    public void A_long_text_that_needs_escaping_grows_the_buffer_and_stays_the_same()
    {
        var text = string.Concat(Enumerable.Repeat("\"quoted\"\t\u00e9\U0001F600 ", 20_000));
        using var json = new RowJsonBuffer();
        AssertSame("long", w => w.WriteStringValue(text), b => b.WriteStringValue(text), json);
        var bytes = Encoding.UTF8.GetBytes(text);
        AssertSame("long utf8", w => w.WriteStringValue(bytes), b => b.WriteStringValue(bytes), json);
    }

    [Fact]
    public void A_name_that_would_need_escaping_is_refused_as_a_column_name() =>
        Assert.Throws<ArgumentException>(() => RowJsonBuffer.EncodeName("a\"b"));

    private static string Stamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // The row written as a table row of its own columns, against the object Utf8JsonWriter writes with "columns" in it.
    private static void AssertRow(ColumnsRow row, Action<Utf8JsonWriter> columns, RowJsonWriter writer)
    {
        var written = writer.Serialize(row.Table(), row);
        var expected = Reference(w =>
        {
            w.WriteStartObject();
            columns(w);
            w.WriteEndObject();
        });
        if (!written.SequenceEqual(expected))
        {
            Assert.Fail($"expected {Encoding.UTF8.GetString(expected)} got {Encoding.UTF8.GetString(written)}");
        }
    }

    private static void AssertSame(string what, Action<Utf8JsonWriter> reference, Action<RowJsonBuffer> candidate, RowJsonBuffer json)
    {
        json.Clear();
        candidate(json);
        var expected = Reference(reference);
        if (!json.Written.SequenceEqual(expected))
        {
            Assert.Fail($"{what}: expected {Encoding.UTF8.GetString(expected)} got {Encoding.UTF8.GetString(json.Written)}");
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
