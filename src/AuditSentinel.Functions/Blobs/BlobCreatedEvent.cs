using System.Text.Json;
using AuditSentinel.Functions.Protocol;

namespace AuditSentinel.Functions.Blobs;

/// <summary>
/// The part of an Event Grid event the blob function needs (Event Grid schema, or CloudEvents with <c>type</c>):
/// its id, type and, for Microsoft.Storage.BlobCreated, the blob URL from <c>data.url</c>. Only the URL travels
/// through the host: the blob itself is streamed by the handler.
/// </summary>
/// <param name="Id">The event id.</param>
/// <param name="EventType">The event type.</param>
/// <param name="BlobUrl">data.url, or null when the event has none.</param>
public sealed record BlobCreatedEvent(string Id, string EventType, string? BlobUrl)
{
    /// <summary>The event type of a new or replaced blob.</summary>
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    /// <summary>True for a BlobCreated event.</summary>
    public bool IsBlobCreated => string.Equals(EventType, BlobCreatedType, StringComparison.Ordinal);

    /// <summary>Reads an event object.</summary>
    /// <exception cref="InvalidInvocationException">It is not an Event Grid event.</exception>
    public static BlobCreatedEvent Parse(JsonElement eventObject)
    {
        var id = JsonProperties.StringOf(eventObject, "id") ?? throw new InvalidInvocationException("The Event Grid event has no id.");
        var type = JsonProperties.StringOf(eventObject, "eventType") ?? JsonProperties.StringOf(eventObject, "type") ?? throw new InvalidInvocationException($"The Event Grid event {id} has no eventType.");
        var url = eventObject.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? JsonProperties.StringOf(data, "url") : null;
        return new BlobCreatedEvent(id, type, url);
    }
}
