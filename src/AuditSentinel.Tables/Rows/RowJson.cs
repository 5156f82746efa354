using System.Text.Json;

namespace AuditSentinel.Tables.Rows;

/// <summary>The JSON forms of column values.</summary>
internal static class RowJson
{
    internal static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[32];
        value.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..written]);
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
}
