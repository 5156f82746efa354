using System.Text.Json;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Pipeline.Sinks;

/// <summary>
/// A rejected line as one JSON object: <c>{"source":..,"line":..,"reason":..,"explanation":..,"text":..}</c>. The text
/// is the line as read (invalid UTF-8 replaced), so an operator can see and replay it. The same shape in a local file
/// and in the dead-letter store.
/// </summary>
internal static class RejectedLineJson
{
    internal static void Write(Utf8JsonWriter writer, IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason)
    {
        writer.WriteStartObject();
        writer.WriteString("source"u8, source.Name);
        writer.WriteNumber("line"u8, lineNumber);
        writer.WriteString("reason"u8, RejectReasons.Code(reason));
        writer.WriteString("explanation"u8, RejectReasons.Explain(reason));
        writer.WriteString("text"u8, System.Text.Encoding.UTF8.GetString(line));
        writer.WriteEndObject();
    }
}
