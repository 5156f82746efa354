using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuditSentinel.Functions.Tests;

/// <summary>
/// Invocation bodies exactly as the Functions host sends them to a custom handler (azure-functions-host,
/// ToHttpScriptInvocationContext, serialized by Json.NET): <c>{"Data":{binding:value},"Metadata":{...}}</c>, where a
/// value that is a JSON object stays an object and any other value (string[], long[], dictionary[]) is first turned
/// into JSON text by JsonConvert.SerializeObject, so it arrives as a string holding JSON. Trigger metadata names are
/// those of the Event Grid and Event Hubs extensions' binding data.
/// </summary>
internal static class HostPayloads
{
    public const string EventHubName = "audit-lines";

    /// <summary>An Event Grid trigger invocation carrying a Microsoft.Storage.BlobCreated event (Event Grid schema).</summary>
    public static byte[] BlobCreated(string blobUrl, string eventType = "Microsoft.Storage.BlobCreated", long contentLength = 1024)
    {
        var url = new Uri(blobUrl);
        var segments = url.AbsolutePath.Split('/', 4);
        var data = new JsonObject
        {
            ["api"] = "PutBlockList",
            ["clientRequestId"] = Guid.NewGuid().ToString(),
            ["requestId"] = Guid.NewGuid().ToString(),
            ["eTag"] = "0x8DCB1F2A3B4C5D6",
            ["contentType"] = "application/octet-stream",
            ["contentLength"] = contentLength,
            ["blobType"] = "BlockBlob",
            ["url"] = blobUrl,
            ["sequencer"] = "0000000000000000000000000001e7a3000000000001d2c4",
            ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.NewGuid().ToString() },
        };
        var gridEvent = new JsonObject
        {
            ["topic"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/" + segments[1],
            ["subject"] = $"/blobServices/default/containers/{segments[2]}/blobs/{segments[3]}",
            ["eventType"] = eventType,
            ["id"] = Guid.NewGuid().ToString(),
            ["data"] = data,
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
            ["eventTime"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        return Serialize(new JsonObject
        {
            ["Data"] = new JsonObject { ["eventGridEvent"] = gridEvent },
            ["Metadata"] = new JsonObject { ["data"] = data.DeepClone(), ["sys"] = Sys("BlobCreated") },
        });
    }

    /// <summary>
    /// An Event Hubs trigger invocation (cardinality many, dataType string) of <paramref name="bodies"/>, the first with
    /// sequence number <paramref name="firstSequenceNumber"/>; <paramref name="properties"/> are the messages' application properties.
    /// </summary>
    public static byte[] EventHubBatch(IReadOnlyList<string> bodies, long firstSequenceNumber, string partition = "0", IReadOnlyList<Dictionary<string, string>>? properties = null)
    {
        var count = bodies.Count;
        var sequenceNumbers = Enumerable.Range(0, count).Select(i => firstSequenceNumber + i).ToArray();
        var offsets = sequenceNumbers.Select(s => (s * 512).ToString(CultureInfo.InvariantCulture)).ToArray();
        var enqueued = sequenceNumbers.Select(_ => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)).ToArray();
        var props = properties ?? Enumerable.Range(0, count).Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToList();
        var system = sequenceNumbers.Select((s, i) => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["x-opt-sequence-number"] = s,
            ["x-opt-offset"] = offsets[i],
            ["x-opt-enqueued-time"] = enqueued[i],
            ["SequenceNumber"] = s,
            ["Offset"] = long.Parse(offsets[i], CultureInfo.InvariantCulture),
            ["OffsetString"] = offsets[i],
            ["PartitionKey"] = null,
            ["EnqueuedTimeUtc"] = enqueued[i],
        }).ToArray();
        var partitionContext = new JsonObject
        {
            ["FullyQualifiedNamespace"] = "evhns-audit.servicebus.windows.net",
            ["EventHubName"] = EventHubName,
            ["ConsumerGroup"] = "audit-sentinel",
            ["PartitionId"] = partition,
        };
        return Serialize(new JsonObject
        {
            ["Data"] = new JsonObject { ["events"] = Text(bodies) },
            ["Metadata"] = new JsonObject
            {
                ["TriggerPartitionContext"] = partitionContext.DeepClone(),
                ["PartitionContext"] = partitionContext,
                ["PartitionKeyArray"] = Text(new string?[count]),
                ["OffsetArray"] = Text(offsets),
                ["OffsetStringArray"] = Text(offsets),
                ["SequenceNumberArray"] = Text(sequenceNumbers),
                ["EnqueuedTimeUtcArray"] = Text(enqueued),
                ["PropertiesArray"] = Text(props),
                ["SystemPropertiesArray"] = Text(system),
                ["sys"] = Sys("EventHubIngest"),
            },
        });
    }

    private static JsonObject Sys(string function) => new()
    {
        ["MethodName"] = function,
        ["UtcNow"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    // JsonConvert.SerializeObject of a non-object value: the value's JSON text, carried as a JSON string.
    private static JsonValue Text<T>(T value) => JsonValue.Create(JsonSerializer.Serialize(value))!;

    private static byte[] Serialize(JsonObject body) => JsonSerializer.SerializeToUtf8Bytes(body);
}
