using System.Globalization;
using System.Text.Json;
using AuditSentinel.Functions.Protocol;

namespace AuditSentinel.Functions.EventHubs;

/// <summary>
/// One Event Hubs trigger invocation with <c>cardinality: many</c> and <c>dataType: string</c>: the message bodies
/// and, from the trigger metadata (Microsoft.Azure.WebJobs.Extensions.EventHubs, EventHubTriggerBindingStrategy),
/// the partition (<c>PartitionContext</c>), the sequence numbers (<c>SequenceNumberArray</c>) and each message's
/// application properties (<c>PropertiesArray</c>).
/// </summary>
public sealed class EventHubBatch
{
    /// <summary>The trigger's binding name in EventHubIngest/function.json.</summary>
    public const string BindingName = "events";

    private EventHubBatch(IReadOnlyList<EventHubMessage> messages, string eventHub, string partition)
    {
        Messages = messages;
        EventHub = eventHub;
        Partition = partition;
    }

    /// <summary>The messages, in partition order.</summary>
    public IReadOnlyList<EventHubMessage> Messages { get; }

    /// <summary>The event hub name ("eventhub" when the host did not say).</summary>
    public string EventHub { get; }

    /// <summary>The partition id ("?" when the host did not say).</summary>
    public string Partition { get; }

    /// <summary>The first message's sequence number, or null when unknown.</summary>
    public long? FirstSequenceNumber => Messages.Count > 0 ? Messages[0].SequenceNumber : null;

    /// <summary>The last message's sequence number, or null when unknown.</summary>
    public long? LastSequenceNumber => Messages.Count > 0 ? Messages[^1].SequenceNumber : null;

    /// <summary>The unit's SourceName: <c>{hub}/{partition}/{first}-{last}</c> (sequence numbers).</summary>
    public string SourceName => string.Create(CultureInfo.InvariantCulture, $"{EventHub}/{Partition}/{FirstSequenceNumber}-{LastSequenceNumber}");

    /// <summary>Reads the batch from an invocation.</summary>
    /// <exception cref="InvalidInvocationException">The invocation is not an Event Hubs batch.</exception>
    public static EventHubBatch From(InvocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bodies = request.Data(BindingName, JsonValueKind.Array);
        var count = bodies.GetArrayLength();
        var sequenceNumbers = Array(request, "SequenceNumberArray", count);
        var properties = Array(request, "PropertiesArray", count);
        var partition = request.Metadata("PartitionContext", JsonValueKind.Object);

        var messages = new List<EventHubMessage>(count);
        var index = 0;
        foreach (var body in bodies.EnumerateArray())
        {
            messages.Add(new EventHubMessage(
                // dataType string gives strings; any other body is kept as its JSON text.
                body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText(),
                sequenceNumbers is { } s && s[index].TryGetInt64(out var number) ? number : null,
                properties is { } p ? p[index] : default));
            index++;
        }

        return new EventHubBatch(
            messages,
            partition is { } hub ? JsonProperties.StringOf(hub, "EventHubName") ?? "eventhub" : "eventhub",
            partition is { } part ? JsonProperties.StringOf(part, "PartitionId") ?? "?" : "?");
    }

    private static JsonElement[]? Array(InvocationRequest request, string name, int count)
    {
        if (request.Metadata(name, JsonValueKind.Array) is not { } array)
        {
            return null;
        }

        return array.GetArrayLength() == count
            ? [.. array.EnumerateArray()]
            : throw new InvalidInvocationException($"Metadata.{name} has {array.GetArrayLength()} entries for {count} messages.");
    }
}

/// <summary>One Event Hubs message.</summary>
/// <param name="Body">The body as text.</param>
/// <param name="SequenceNumber">Its sequence number in the partition, when the host sent it.</param>
/// <param name="Properties">Its application properties (a JSON object), or default.</param>
public sealed record EventHubMessage(string Body, long? SequenceNumber, JsonElement Properties);
