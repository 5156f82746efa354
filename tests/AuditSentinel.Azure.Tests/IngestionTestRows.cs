using System.Buffers;
using System.Text.Json;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.TestSupport.Azure;

namespace AuditSentinel.Azure.Tests;

/// <summary>Rows written the way the Tables project writes them (Utf8JsonWriter), and a client wired to the test endpoint.</summary>
internal static class IngestionTestRows
{
    public const string Rule = "dcr-00000000000000000000000000000000";
    public const string TestStream = "Custom-LinuxAuditTest";

    public static async Task<LogsIngestionEndpoint> StartEndpointAsync()
    {
        var endpoint = await LogsIngestionEndpoint.StartAsync();
        endpoint.DeclareStream(TestStream, "Id", "Payload", LogsIngestionClient.TruncatedFieldsColumn);
        return endpoint;
    }

    public static LogsIngestionClient Client(LogsIngestionEndpoint endpoint, StaticTokenCredential? credential = null, int maxRetries = 8, TimeSpan? networkTimeout = null)
    {
        var options = LoopbackClientOptions.Apply(new LogsIngestionClientOptions(), maxRetries, networkTimeout);
        return new LogsIngestionClient(endpoint.Endpoint, credential ?? new StaticTokenCredential(endpoint.ExpectedToken), options);
    }

    /// <summary><paramref name="count"/> rows with ids 0..count-1 and a payload of <paramref name="payloadChars"/> characters.</summary>
    public static List<ReadOnlyMemory<byte>> Rows(int count, int payloadChars)
    {
        var rows = new List<ReadOnlyMemory<byte>>(count);
        var payload = new string('p', payloadChars);
        for (var i = 0; i < count; i++)
        {
            rows.Add(Row(i, payload));
        }

        return rows;
    }

    public static byte[] Row(int id, string payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("Id", id);
            writer.WriteString("Payload", payload);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static int IdOf(ReadOnlyMemory<byte> row)
    {
        using var document = JsonDocument.Parse(row);
        return document.RootElement.GetProperty("Id").GetInt32();
    }

    public static List<int> AcceptedIds(LogsIngestionEndpoint endpoint)
    {
        var ids = endpoint.AcceptedRows.Select(r => IdOf(System.Text.Encoding.UTF8.GetBytes(r.Json))).ToList();
        ids.Sort();
        return ids;
    }
}
