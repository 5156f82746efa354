using System.Text.Json;

namespace AuditSentinel.Tables.Rows;

/// <summary>The JSON forms of column values.</summary>
internal static class RowJson
{
    // ISO 8601 UTC with milliseconds (yyyy-MM-ddTHH:mm:ss.fffZ), written digit by digit: a custom DateTime format
    // string costs more than the rest of the row's scalar columns together.
    internal static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        utc.Deconstruct(out int year, out int month, out int day);
        var time = utc.TimeOfDay;
        Span<byte> text = stackalloc byte[24];
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), time.Hours);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), time.Minutes);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), time.Seconds);
        text[19] = (byte)'.';
        Digits(text.Slice(20, 3), time.Milliseconds);
        text[23] = (byte)'Z';
        writer.WriteString(name, text);
    }

    internal static void WriteStringArray(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string?> values)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
