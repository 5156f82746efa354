using AuditSentinel.TestSupport;
using System.Text;
using System.Text.Json;
using AuditSentinel.Functions.EventHubs;
using AuditSentinel.Tables;
using AuditSentinel.TestSupport.Azure;

namespace AuditSentinel.Functions.Tests;

[Collection(HandlerTests.Name)]
public sealed class EventHubIngestTests(AzuriteFixture fixture)
{
    private static readonly string[] Lines = AuditLogs.SshIntrusionLines();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task Raw_lines_become_the_rows_the_pipeline_makes_of_them(int linesPerMessage)
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        var (reference, referenceRows) = await AuditLogs.ParseAsync(string.Join('\n', Lines));
        var messages = Lines.Chunk(linesPerMessage).Select(c => string.Join('\n', c) + "\n").ToList();

        var (status, reply, body) = await handler.InvokeAsync(EventHubIngestFunction.Name, HostPayloads.EventHubBatch(messages, firstSequenceNumber: 100));

        Assert.True(status == 200, body);
        var expectedIds = referenceRows.Of(AuditTables.LinuxAuditEvents.Schema.Name).Select(RowJson.EventIdOf).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedIds, handler.Endpoint.Events().Select(RowJson.EventIdOf).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(reference.Lines, handler.Endpoint.Health().Sum("Lines"));
        var source = $"{HostPayloads.EventHubName}/0/100-{100 + messages.Count - 1}";
        Assert.Equal(source, reply!.Value.GetProperty("ReturnValue").GetProperty("source").GetString());
        Assert.All(handler.Endpoint.Health(), r => Assert.Equal("eventhub", RowJson.Property(r, "SourceKind").GetString()));
    }

    [Fact]
    public async Task Forwarder_records_give_their_lines_and_host_to_lines_that_name_no_node()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        // The same events without node=, as a host that does not set name_format sends them.
        var bare = Lines.Take(40).Select(l => l.StartsWith("node=vm ", StringComparison.Ordinal) ? l["node=vm ".Length..] : l).ToArray();
        var shapes = new (string Host, Func<string, string> Message, Dictionary<string, string> Properties)[]
        {
            ("fluent-bit-host", l => Json(new() { ["log"] = l, ["hostname"] = "fluent-bit-host" }), []),
            ("vector-host", l => Json(new() { ["message"] = l, ["host"] = "vector-host", ["source_type"] = "file", ["file"] = "/var/log/audit/audit.log" }), []),
            ("rsyslog-host", l => Json(new() { ["msg"] = l, ["hostname"] = "rsyslog-host", ["programname"] = "auditd" }), []),
            ("property-host", l => l, new() { ["host"] = "property-host" }),
        };
        long sequence = 0;
        foreach (var (host, message, properties) in shapes)
        {
            var batch = HostPayloads.EventHubBatch([.. bare.Select(message)], sequence, partition: host, properties: [.. bare.Select(_ => properties)]);
            sequence += bare.Length;
            var (status, _, body) = await handler.InvokeAsync(EventHubIngestFunction.Name, batch);
            Assert.True(status == 200, body);
        }

        var computers = handler.Endpoint.Events().GroupBy(r => RowJson.Property(r, "SourceName").GetString()!.Split('/')[1])
            .ToDictionary(g => g.Key, g => g.Select(r => RowJson.Property(r, "Computer").GetString()).Distinct().ToList(), StringComparer.Ordinal);
        foreach (var (host, _, _) in shapes)
        {
            Assert.Equal([host], computers[host]);
        }

        Assert.Equal(0, handler.Endpoint.Health().Sum("RejectedLines"));
    }

    [Fact]
    public async Task An_event_split_across_batches_is_partial_on_both_sides_and_keeps_one_EventId()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        var (_, referenceRows) = await AuditLogs.ParseAsync(string.Join('\n', Lines));
        var target = referenceRows.Of(AuditTables.LinuxAuditEvents.Schema.Name)
            .First(r => RowJson.Property(r, "RecordCount").GetInt32() >= 4 && RowJson.Property(r, "RecordType").GetString() == "SYSCALL");
        var eventId = RowJson.EventIdOf(target);
        var serial = RowJson.Property(target, "Serial").GetInt64();
        var syscall = Array.FindIndex(Lines, l => l.Contains("type=SYSCALL", StringComparison.Ordinal) && l.Contains($":{serial}):", StringComparison.Ordinal));
        var first = Lines[..(syscall + 1)];
        var rest = Lines[(syscall + 1)..];

        Assert.Equal(200, (await handler.InvokeAsync(EventHubIngestFunction.Name, HostPayloads.EventHubBatch(first, 0))).Status);
        Assert.Equal(200, (await handler.InvokeAsync(EventHubIngestFunction.Name, HostPayloads.EventHubBatch(rest, first.Length))).Status);

        var halves = handler.Endpoint.Events().Where(r => RowJson.EventIdOf(r) == eventId).ToList();
        Assert.Contains(halves, r => RowJson.Property(r, "PartialReason").GetString() == "input-boundary");
        Assert.Contains(halves, r => RowJson.Property(r, "PartialReason").GetString() == "late-record");
        Assert.All(halves.Where(r => RowJson.Property(r, "SourceName").GetString()!.EndsWith($"/{first.Length}-{Lines.Length - 1}", StringComparison.Ordinal)),
            r => Assert.True(RowJson.Property(r, "Partial").GetBoolean()));
        Assert.Equal(RowJson.Property(target, "RecordCount").GetInt32(), halves.Sum(r => RowJson.Property(r, "RecordCount").GetInt32()));
    }

    [Fact]
    public async Task Each_batch_logs_its_outcome_with_named_properties_in_the_invocation_scope()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        var invocationId = Guid.NewGuid().ToString();

        Assert.Equal(200, (await handler.InvokeAsync(EventHubIngestFunction.Name, HostPayloads.EventHubBatch([.. Lines.Take(30), "junk"], 0), invocationId)).Status);

        var entry = Assert.Single(handler.Logs.Entries, e => e.Category.EndsWith(EventHubIngestFunction.Name, StringComparison.Ordinal) && e.Level == Microsoft.Extensions.Logging.LogLevel.Information);
        Assert.Equal(invocationId, entry.Scope["InvocationId"]);
        Assert.Equal(EventHubIngestFunction.Name, entry.Scope["FunctionName"]);
        Assert.Equal(31L, entry.Properties["Lines"]);
        Assert.Equal(1L, entry.Properties["RejectedLines"]);
        Assert.Equal("ingested", entry.Properties["Outcome"]);
        Assert.True((long)entry.Properties["RowsSent"]! > 0);
    }

    [Fact]
    public async Task A_batch_that_cannot_be_delivered_is_dead_lettered_before_the_function_returns()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        handler.Endpoint.PermanentFault = new IngestionFault(IngestionFaultKind.BadRequest400);
        string[] messages = [.. Lines.Take(120), "not an audit record"];

        var (status, reply, body) = await handler.InvokeAsync(EventHubIngestFunction.Name, HostPayloads.EventHubBatch(messages, 7));

        Assert.True(status == 200, body);
        var summary = reply!.Value.GetProperty("ReturnValue");
        var rowsWritten = summary.GetProperty("rowsByTable").EnumerateObject().Sum(p => p.Value.GetInt64());
        var items = await handler.DeadLetterItemsAsync();
        Assert.Equal(rowsWritten, items.Where(i => i.Info.Stream is not null).Sum(i => i.Rows.Count));
        Assert.Equal(rowsWritten, summary.GetProperty("deadLetteredRows").GetInt64());
        var rejected = Assert.Single(items, i => i.Info.Stream is null);
        Assert.Equal("rejected:no-audit-header", rejected.Info.Reason);
        Assert.Empty(handler.Endpoint.AcceptedRows);
    }

    [Fact]
    public async Task An_invocation_that_is_not_a_batch_is_refused_and_kept()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        var body = Encoding.UTF8.GetBytes("""{"Data":{"events":"type=SYSCALL msg=audit(1.000:1): not in an array"},"Metadata":{}}""");

        var (status, _, text) = await handler.InvokeAsync(EventHubIngestFunction.Name, body);

        Assert.Equal(400, status);
        Assert.Contains("Data.events", text, StringComparison.Ordinal);
        var item = Assert.Single(await handler.DeadLetterItemsAsync());
        Assert.Equal("rejected:invalid-invocation", item.Info.Reason);
        Assert.Equal(Encoding.UTF8.GetString(body), RowJson.Property(Encoding.UTF8.GetString(item.Rows[0].Span), "invocation").GetString());
    }

    private static string Json(Dictionary<string, string> record) => JsonSerializer.Serialize(record);
}
