using System.Text;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Functions.Blobs;
using AuditSentinel.Tables;
using AuditSentinel.TestSupport.Azure;

namespace AuditSentinel.Functions.Tests;

[Collection(HandlerTests.Name)]
public sealed class BlobCreatedTests(AzuriteFixture fixture)
{
    private static readonly string[] JunkLines = ["this is not an audit record", "", "----"];

    [Fact]
    public async Task A_blob_becomes_rows_and_every_line_ends_in_a_row_or_a_kept_rejection()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        var text = string.Join('\n', [.. AuditLogs.SshIntrusionLines(), .. JunkLines]) + "\n";
        var (reference, referenceRows) = await AuditLogs.ParseAsync(text);
        const string blob = "vm/2026/11/29/audit.log.gz";
        await handler.Raw.UploadAsync(blob, new MemoryStream(AuditLogs.Gzip(text)));

        var (status, reply, body) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf(blob)));

        Assert.True(status == 200, body);
        var response = reply!.Value;
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], response.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ingested", response.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.Contains("ingested", response.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);

        var expectedIds = referenceRows.Of(AuditTables.LinuxAuditEvents.Schema.Name).Select(AuditLogs.EventIdOf).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedIds, handler.Endpoint.Events().Select(AuditLogs.EventIdOf).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(referenceRows.Of(AuditTables.LinuxTtyInput.Schema.Name).Count, handler.Endpoint.AcceptedRows(AuditTables.LinuxTtyInput.Schema.Name).Count());
        Assert.All(handler.Endpoint.Events(), r => Assert.Equal(blob, AuditLogs.Property(r, "SourceName").GetString()));

        var health = handler.Endpoint.Health().ToList();
        Assert.Equal(reference.Lines, health.Sum("Lines"));
        Assert.Equal(AuditLogs.SshIntrusionLines().Length + JunkLines.Length, reference.Lines);
        Assert.Equal(JunkLines.Length, health.Sum("RejectedLines"));

        var kept = (await handler.DeadLetterItemsAsync()).Where(i => i.Info.Stream is null).SelectMany(i => i.Rows).Select(r => AuditLogs.Property(Encoding.UTF8.GetString(r.Span), "text").GetString()).ToList();
        Assert.Equal(JunkLines.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));

        var state = BlobState.From(await handler.Raw.GetMetadataAsync(blob));
        Assert.True(state.IsProcessed);
        Assert.Equal(1, state.Attempts);
        Assert.Null(state.Started);
    }

    [Fact]
    public async Task A_second_delivery_of_a_processed_blob_sends_nothing()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        const string blob = "vm/audit.log";
        await handler.Raw.UploadAsync(blob, new MemoryStream(File.ReadAllBytes(TestSupport.RepoPaths.SshIntrusionLog)));
        var payload = HostPayloads.BlobCreated(handler.UrlOf(blob));
        Assert.Equal(200, (await handler.InvokeAsync(BlobCreatedFunction.Name, payload)).Status);
        var calls = handler.Endpoint.Calls.Count;
        Assert.True(calls > 0);

        var (status, reply, _) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf(blob)));

        Assert.Equal(200, status);
        Assert.Equal("skipped-processed", reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.Equal(calls, handler.Endpoint.Calls.Count);
    }

    [Fact]
    public async Task A_blob_that_keeps_failing_ends_in_a_poison_record_and_is_not_tried_again()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite, blobMaxAttempts: 2);
        const string blob = "vm/corrupt.log.gz";
        // A gzip header followed by bytes that are not deflate data: every read fails.
        byte[] corrupt = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, .. Encoding.ASCII.GetBytes(new string('x', 300))];
        await handler.Raw.UploadAsync(blob, new MemoryStream(corrupt));
        var url = handler.UrlOf(blob);

        var first = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(url));
        Assert.Equal(500, first.Status);
        var afterFirst = BlobState.From(await handler.Raw.GetMetadataAsync(blob));
        Assert.Equal(1, afterFirst.Attempts);
        Assert.False(afterFirst.IsPoisoned);
        Assert.NotNull(afterFirst.LastError);
        Assert.Null(afterFirst.Started);

        var second = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(url));
        Assert.True(second.Status == 200, second.Text);
        Assert.Equal("poisoned", second.Reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.True(BlobState.From(await handler.Raw.GetMetadataAsync(blob)).IsPoisoned);
        var record = System.Text.Json.JsonDocument.Parse(await ReadAllAsync(handler, "poison/" + blob + ".json")).RootElement;
        Assert.Equal(blob, record.GetProperty("blob").GetString());
        Assert.Equal(2, record.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("reason").GetString()));
        Assert.False(string.IsNullOrEmpty(record.GetProperty("salvageError").GetString()));

        var third = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(url));
        Assert.Equal("skipped-poisoned", third.Reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.Empty(handler.Endpoint.Calls);
    }

    [Fact]
    public async Task A_blob_whose_attempts_never_finished_is_given_up_with_its_rows_dead_lettered_for_replay()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite, blobMaxAttempts: 2);
        const string blob = "vm/slow.log";
        var text = File.ReadAllText(TestSupport.RepoPaths.SshIntrusionLog);
        var (_, referenceRows) = await AuditLogs.ParseAsync(text);
        // Two attempts were started and never recorded an outcome (the instance was stopped or timed out).
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [BlobState.AttemptsKey] = "2", ["owner"] = "vm" };
        await handler.Raw.UploadAsync(blob, new MemoryStream(Encoding.UTF8.GetBytes(text)), metadata);

        var (status, reply, body) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf(blob)));

        Assert.True(status == 200, body);
        Assert.Equal("poisoned", reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.Empty(handler.Endpoint.Calls);
        var state = BlobState.From(await handler.Raw.GetMetadataAsync(blob));
        Assert.True(state.IsPoisoned);
        Assert.Equal("vm", state.Metadata["owner"]);
        var items = await handler.DeadLetterItemsAsync();
        Assert.All(items, i => Assert.Equal("poison", i.Info.Reason));
        var record = System.Text.Json.JsonDocument.Parse(await ReadAllAsync(handler, "poison/" + blob + ".json")).RootElement;
        Assert.Equal(items.Sum(i => i.Rows.Count), record.GetProperty("salvagedRows").GetInt64());

        var replay = await DeadLetterReplayer.ReplayAsync(handler.DeadLetters, handler.IngestionClient());

        Assert.Equal(items.Count, replay.Delivered);
        var expectedIds = referenceRows.Of(AuditTables.LinuxAuditEvents.Schema.Name).Select(AuditLogs.EventIdOf).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedIds, handler.Endpoint.Events().Select(AuditLogs.EventIdOf).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_delivery_while_another_attempt_owns_the_blob_is_refused_for_a_later_retry()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        const string blob = "vm/busy.log";
        var metadata = BlobState.From(new Dictionary<string, string>(StringComparer.Ordinal)).Start(DateTimeOffset.UtcNow).Metadata;
        await handler.Raw.UploadAsync(blob, new MemoryStream(File.ReadAllBytes(TestSupport.RepoPaths.SshIntrusionLog)), metadata);

        var (status, _, _) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf(blob)));

        Assert.Equal(503, status);
        Assert.Empty(handler.Endpoint.Calls);
        Assert.Equal(1, BlobState.From(await handler.Raw.GetMetadataAsync(blob)).Attempts);
    }

    [Fact]
    public async Task Rows_the_service_refuses_are_dead_lettered_and_the_blob_counts_as_processed()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        handler.Endpoint.PermanentFault = new IngestionFault(IngestionFaultKind.Forbidden403);
        const string blob = "vm/refused.log";
        var text = File.ReadAllText(TestSupport.RepoPaths.SshIntrusionLog);
        var (reference, _) = await AuditLogs.ParseAsync(text);
        await handler.Raw.UploadAsync(blob, new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var (status, reply, body) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf(blob)));

        Assert.True(status == 200, body);
        var summary = reply!.Value.GetProperty("ReturnValue");
        var items = await handler.DeadLetterItemsAsync();
        var rows = reference.RowsByTable.Values.Sum();
        Assert.Equal(rows, items.Where(i => i.Info.Stream is not null).Sum(i => i.Rows.Count));
        Assert.Equal(rows, summary.GetProperty("deadLetteredRows").GetInt64());
        Assert.Equal(0, summary.GetProperty("rowsSent").GetInt64());
        Assert.True(BlobState.From(await handler.Raw.GetMetadataAsync(blob)).IsProcessed);
    }

    [Fact]
    public async Task Events_naming_a_blob_outside_the_raw_container_are_refused_and_other_event_types_ignored()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        var elsewhere = fixture.Azurite.Container("other").AbsoluteUri + "/secret.log";
        var escaping = handler.RawUri.AbsoluteUri + "/%2e%2e/other/secret.log";

        Assert.Equal(400, (await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(elsewhere))).Status);
        Assert.Equal(400, (await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(escaping))).Status);
        var deleted = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf("vm/x.log"), "Microsoft.Storage.BlobDeleted"));
        Assert.Equal(200, deleted.Status);
        Assert.StartsWith("ignored-event", deleted.Reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Empty(handler.Endpoint.Calls);
    }

    private static async Task<string> ReadAllAsync(HandlerUnderTest handler, string name)
    {
        await using var stream = await handler.DeadLetterContainer.OpenReadAsync(name);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
