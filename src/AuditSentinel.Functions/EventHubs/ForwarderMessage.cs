using System.Text.Json;
using AuditSentinel.Functions.Protocol;

namespace AuditSentinel.Functions.EventHubs;

/// <summary>
/// What a log forwarder put in one message: raw audit lines (one or several, newline-separated), or a JSON record
/// whose <c>log</c> (Fluent Bit), <c>message</c> (Vector, rsyslog) or <c>msg</c> (rsyslog) field holds them, with the
/// sending host in <c>host</c>, <c>hostname</c> or <c>host.name</c>. A message that is neither is passed on as raw
/// lines, so the parser rejects it with a reason and it is kept in the dead-letter store.
/// </summary>
/// <param name="Text">The audit line(s).</param>
/// <param name="Host">The host the forwarder or the event properties named, or null.</param>
public sealed record ForwarderMessage(string Text, string? Host)
{
    private static readonly string[] MessageFields = ["log", "message", "msg"];
    private static readonly string[] HostFields = ["host", "hostname"];

    /// <summary>Decodes a message body; <paramref name="properties"/> (the event's application properties) may name the host.</summary>
    public static ForwarderMessage Decode(string body, JsonElement properties)
    {
        ArgumentNullException.ThrowIfNull(body);
        var propertyHost = HostOf(properties);
        if (!body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return new ForwarderMessage(body, propertyHost);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            foreach (var field in MessageFields)
            {
                if (root.TryGetProperty(field, out var text) && text.ValueKind == JsonValueKind.String)
                {
                    return new ForwarderMessage(text.GetString()!, HostOf(root) ?? propertyHost);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the raw text goes to the parser, which rejects it with its reason.
        }

        return new ForwarderMessage(body, propertyHost);
    }

    /// <summary>
    /// The lines of <see cref="Text"/>: split at LF (a CR before it is dropped); a final terminator ends the last line.
    /// An empty message is one blank line, so it too is counted and kept.
    /// </summary>
    public IEnumerable<string> Lines() => LineRanges().Select(range => Text[range]);

    /// <summary>Where each of <see cref="Lines"/> stands in <see cref="Text"/>, for a caller that reads them as spans.</summary>
    internal IEnumerable<Range> LineRanges()
    {
        if (Text.Length == 0)
        {
            yield return ..0;
            yield break;
        }

        var start = 0;
        while (start < Text.Length)
        {
            var end = Text.IndexOf('\n', start);
            var next = end < 0 ? Text.Length : end + 1;
            var length = (end < 0 ? Text.Length : end) - start;
            if (length > 0 && Text[start + length - 1] == '\r')
            {
                length--;
            }

            yield return start..(start + length);
            start = next;
        }
    }

    private static string? HostOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var field in HostFields)
        {
            if (element.TryGetProperty(field, out var host))
            {
                // ECS (Filebeat, Vector's ECS mode) nests it: host.name / host.hostname.
                var value = host.ValueKind == JsonValueKind.Object ? HostOf(host) ?? JsonProperties.StringOf(host, "name") : host.ValueKind == JsonValueKind.String ? host.GetString() : null;
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }
        }

        return null;
    }
}
