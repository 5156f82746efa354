using AuditSentinel.TestSupport;
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

    [Theory]
    [InlineData("vm/2026/11/29/audit.log.gz")]
    [InlineData("vm/2026/11/29/audit.log.1")] // gzip known by its magic bytes, not by its name
    public async Task A_blob_becomes_rows_and_every_line_ends_in_a_row_or_a_kept_rejection(string blob)
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        var text = string.Join('\n', [.. AuditLogs.SshIntrusionLines(), .. JunkLines]) + "\n";
        var (reference, referenceRows) = await AuditLogs.ParseAsync(text);
        await handler.Raw.UploadAsync(blob, new MemoryStream(AuditLogs.Gzip(text)));
        var uploaded = await handler.Raw.GetPropertiesAsync(blob);

        var (status, reply, body) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf(blob)));

        Assert.True(status == 200, body);
        var response = reply!.Value;
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], response.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ingested", response.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.Contains("ingested", response.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);

        var expectedIds = referenceRows.Of(AuditTables.LinuxAuditEvents.Schema.Name).Select(RowJson.EventIdOf).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedIds, handler.Endpoint.Events().Select(RowJson.EventIdOf).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(referenceRows.Of(AuditTables.LinuxTtyInput.Schema.Name).Count, handler.Endpoint.AcceptedRows(AuditTables.LinuxTtyInput.Schema.Name).Count());
        Assert.All(handler.Endpoint.Events(), r => Assert.Equal(blob, RowJson.Property(r, "SourceName").GetString()));

        var health = handler.Endpoint.Health().ToList();
        Assert.Equal(reference.Lines, health.Sum("Lines"));
        Assert.Equal(AuditLogs.SshIntrusionLines().Length + JunkLines.Length, reference.Lines);
        Assert.Equal(JunkLines.Length, health.Sum("RejectedLines"));

        var kept = (await handler.DeadLetterItemsAsync()).Where(i => i.Info.Stream is null).SelectMany(i => i.Rows).Select(r => RowJson.Property(Encoding.UTF8.GetString(r.Span), "text").GetString()).ToList();
        Assert.Equal(JunkLines.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));

        var state = await handler.StateOfAsync(blob);
        Assert.True(state.IsProcessed);
        Assert.Equal(1, state.Attempts);
        Assert.Null(state.Started);
        Assert.True(state.Describes(uploaded.ETag));

        // The evidence is only read: neither its content nor its metadata changed (any write changes the ETag).
        var after = await handler.Raw.GetPropertiesAsync(blob);
        Assert.Equal(uploaded.ETag, after.ETag);
        Assert.Empty(after.Metadata);
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
    public async Task Of_deliveries_of_the_same_blob_arriving_together_exactly_one_ingests_it()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        const string blob = "vm/duplicated.log";
        var text = File.ReadAllText(TestSupport.RepoPaths.SshIntrusionLog);
        var (reference, referenceRows) = await AuditLogs.ParseAsync(text);
        await handler.Raw.UploadAsync(blob, new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var payload = HostPayloads.BlobCreated(handler.UrlOf(blob));

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => handler.InvokeAsync(BlobCreatedFunction.Name, payload)));

        var outcomes = replies.Select(r => r.Status == 200 ? r.Reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString() : r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Single(outcomes, o => o == "ingested");
        Assert.All(outcomes.Where(o => o != "ingested"), o => Assert.Contains(o, new[] { "503", "skipped-processed" }));
        var sentIds = handler.Endpoint.Events().Select(RowJson.EventIdOf).ToList();
        Assert.Equal(referenceRows.Of(AuditTables.LinuxAuditEvents.Schema.Name).Count, sentIds.Count);
        Assert.Equal(reference.Lines, handler.Endpoint.Health().Sum("Lines"));
        var state = await handler.StateOfAsync(blob);
        Assert.True(state.IsProcessed);
        Assert.Equal(1, state.Attempts);
    }

    [Fact]
    public async Task A_blob_uploaded_again_under_the_same_name_is_ingested_again()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        const string blob = "vm/audit.log";
        var lines = AuditLogs.SshIntrusionLines();
        var firstText = string.Join('\n', lines[..(lines.Length / 2)]) + "\n";
        var secondText = string.Join('\n', lines[(lines.Length / 2)..]) + "\n";
        var (firstReport, _) = await AuditLogs.ParseAsync(firstText);
        var (secondReport, secondRows) = await AuditLogs.ParseAsync(secondText);
        var url = handler.UrlOf(blob);
        await handler.Raw.UploadAsync(blob, new MemoryStream(Encoding.UTF8.GetBytes(firstText)));
        Assert.Equal(200, (await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(url))).Status);

        await handler.Raw.UploadAsync(blob, new MemoryStream(Encoding.UTF8.GetBytes(secondText)));
        var second = (await handler.Raw.GetPropertiesAsync(blob)).ETag;
        var (status, reply, body) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(url));

        Assert.True(status == 200, body);
        Assert.Equal("ingested", reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.Equal(secondReport.Lines, reply.Value.GetProperty("ReturnValue").GetProperty("lines").GetInt64());
        Assert.Equal(firstReport.Lines + secondReport.Lines, handler.Endpoint.Health().Sum("Lines"));
        var sentIds = handler.Endpoint.Events().Select(RowJson.EventIdOf).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(sentIds, secondRows.Of(AuditTables.LinuxAuditEvents.Schema.Name).Select(RowJson.EventIdOf).ToHashSet(StringComparer.Ordinal));
        var state = await handler.StateOfAsync(blob);
        Assert.True(state.Describes(second));
        Assert.True(state.IsProcessed);
        Assert.Equal(1, state.Attempts);

        var calls = handler.Endpoint.Calls.Count;
        var again = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(url));
        Assert.Equal("skipped-processed", again.Reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString());
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
        var afterFirst = await handler.StateOfAsync(blob);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.False(afterFirst.IsPoisoned);
        Assert.NotNull(afterFirst.LastError);
        Assert.Null(afterFirst.Started);

        var second = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(url));
        Assert.True(second.Status == 200, second.Text);
        Assert.Equal("poisoned", second.Reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.True((await handler.StateOfAsync(blob)).IsPoisoned);
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
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["owner"] = "vm" };
        await handler.Raw.UploadAsync(blob, new MemoryStream(Encoding.UTF8.GetBytes(text)), metadata);
        var uploaded = await handler.Raw.GetPropertiesAsync(blob);
        // Two attempts were started an hour ago and never recorded an outcome (the instance was stopped or timed out).
        var anHourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        await handler.DeadLetterContainer.CreateIfAbsentAsync(BlobStateStore.MarkerName(blob), BlobState.For(uploaded.ETag).Start(anHourAgo).Start(anHourAgo).Metadata);

        var (status, reply, body) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf(blob)));

        Assert.True(status == 200, body);
        Assert.Equal("poisoned", reply!.Value.GetProperty("ReturnValue").GetProperty("outcome").GetString());
        Assert.Empty(handler.Endpoint.Calls);
        var state = await handler.StateOfAsync(blob);
        Assert.True(state.IsPoisoned);
        Assert.Equal(2, state.Attempts);
        var raw = await handler.Raw.GetPropertiesAsync(blob);
        Assert.Equal(uploaded.ETag, raw.ETag);
        Assert.Equal("vm", raw.Metadata["owner"]);
        var items = await handler.DeadLetterItemsAsync();
        Assert.All(items, i => Assert.Equal("poison", i.Info.Reason));
        var record = System.Text.Json.JsonDocument.Parse(await ReadAllAsync(handler, "poison/" + blob + ".json")).RootElement;
        Assert.Equal(items.Sum(i => i.Rows.Count), record.GetProperty("salvagedRows").GetInt64());

        var replay = await DeadLetterReplayer.ReplayAsync(handler.DeadLetters, handler.IngestionClient());

        Assert.Equal(items.Count, replay.Delivered);
        var expectedIds = referenceRows.Of(AuditTables.LinuxAuditEvents.Schema.Name).Select(RowJson.EventIdOf).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedIds, handler.Endpoint.Events().Select(RowJson.EventIdOf).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_delivery_while_another_attempt_owns_the_blob_is_refused_for_a_later_retry()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);
        const string blob = "vm/busy.log";
        await handler.Raw.UploadAsync(blob, new MemoryStream(File.ReadAllBytes(TestSupport.RepoPaths.SshIntrusionLog)));
        var version = (await handler.Raw.GetPropertiesAsync(blob)).ETag;
        await handler.DeadLetterContainer.CreateIfAbsentAsync(BlobStateStore.MarkerName(blob), BlobState.For(version).Start(DateTimeOffset.UtcNow).Metadata);

        var (status, _, _) = await handler.InvokeAsync(BlobCreatedFunction.Name, HostPayloads.BlobCreated(handler.UrlOf(blob)));

        Assert.Equal(503, status);
        Assert.Empty(handler.Endpoint.Calls);
        Assert.Equal(1, (await handler.StateOfAsync(blob)).Attempts);
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
        Assert.True((await handler.StateOfAsync(blob)).IsProcessed);
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
