using System.Diagnostics;
using System.Text.Json;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.TestSupport.Azure;
using Azure;
using static AuditSentinel.Azure.Tests.IngestionTestRows;

namespace AuditSentinel.Azure.Tests;

public sealed class LogsIngestionClientTests
{
    [Fact]
    public async Task Batches_stay_within_1_MiB_and_deliver_every_row_exactly_once()
    {
        await using var endpoint = await StartEndpointAsync();
        var credential = new StaticTokenCredential(endpoint.ExpectedToken);
        var rows = Rows(5000, 700);

        await Client(endpoint, credential).UploadAsync(Rule, TestStream, rows, new LogsUploadOptions { MaxConcurrency = 3 });

        var calls = endpoint.Calls.ToList();
        Assert.True(calls.Count >= 3, $"expected several batches, got {calls.Count}");
        Assert.All(calls, c => Assert.Equal(204, c.Status));
        Assert.All(calls, c => Assert.InRange(c.UncompressedBytes, 1, LogsIngestionEndpoint.MaxBodyBytes));
        Assert.Equal(Enumerable.Range(0, rows.Count), AcceptedIds(endpoint));
        Assert.Empty(endpoint.DroppedColumns);
        Assert.Contains("https://monitor.azure.com//.default", credential.RequestedScopes, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Typed_rows_are_serialized_once_and_delivered()
    {
        await using var endpoint = await StartEndpointAsync();
        var rows = Enumerable.Range(0, 100).Select(i => new TestRow(i, $"row {i}")).ToList();

        await Client(endpoint).UploadAsync(Rule, TestStream, rows);

        Assert.Equal(Enumerable.Range(0, 100), AcceptedIds(endpoint));
    }

    [Fact]
    public async Task Transient_faults_are_retried_by_the_pipeline_and_every_row_arrives()
    {
        await using var endpoint = await StartEndpointAsync();
        endpoint.UseRandomFaults(seed: 20261123, rate: 0.35,
            new IngestionFault(IngestionFaultKind.Throttled429),
            new IngestionFault(IngestionFaultKind.ServerError500),
            new IngestionFault(IngestionFaultKind.Unavailable503),
            new IngestionFault(IngestionFaultKind.Timeout),
            new IngestionFault(IngestionFaultKind.ConnectionReset));
        endpoint.Script(
            new IngestionFault(IngestionFaultKind.Throttled429),
            new IngestionFault(IngestionFaultKind.ServerError500),
            new IngestionFault(IngestionFaultKind.Unavailable503),
            new IngestionFault(IngestionFaultKind.Timeout),
            new IngestionFault(IngestionFaultKind.ConnectionReset));
        var rows = Rows(6000, 900);
        var failures = 0;
        var options = new LogsUploadOptions { MaxConcurrency = 4 };
        options.UploadFailed += _ =>
        {
            Interlocked.Increment(ref failures);
            return Task.CompletedTask;
        };

        await Client(endpoint, maxRetries: 12, networkTimeout: TimeSpan.FromMilliseconds(500)).UploadAsync(Rule, TestStream, rows, options);

        Assert.Equal(0, failures);
        Assert.Equal(5, endpoint.Calls.Where(c => c.Fault is not null).Select(c => c.Fault!.Kind).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, rows.Count), AcceptedIds(endpoint).Distinct());
    }

    [Theory]
    [InlineData(IngestionFaultKind.BadRequest400, 400)]
    [InlineData(IngestionFaultKind.Forbidden403, 403)]
    public async Task Permanent_rejections_are_not_retried_and_report_each_row_once(IngestionFaultKind kind, int status)
    {
        await using var endpoint = await StartEndpointAsync();
        endpoint.PermanentFault = new IngestionFault(kind);
        var rows = Rows(3000, 900);
        var reported = new List<List<int>>();
        var options = new LogsUploadOptions();
        options.UploadFailed += args =>
        {
            var error = Assert.IsType<RequestFailedException>(args.Exception);
            Assert.Equal(status, error.Status);
            Assert.Contains("Injected fault", error.Message, StringComparison.Ordinal);
            lock (reported)
            {
                reported.Add([.. args.FailedLogs.Cast<ReadOnlyMemory<byte>>().Select(IdOf)]);
            }

            return Task.CompletedTask;
        };

        await Client(endpoint).UploadAsync(Rule, TestStream, rows, options);

        Assert.Equal(Enumerable.Range(0, rows.Count), reported.SelectMany(ids => ids).Order());
        Assert.Empty(endpoint.AcceptedRows);
        Assert.All(endpoint.Calls, c => Assert.Equal(status, c.Status));

        // Not retried: one call per batch, and each event reports exactly one batch, a run of consecutive rows
        // that fits one call.
        Assert.True(reported.Count >= 3, $"expected several batches, got {reported.Count}");
        Assert.Equal(reported.Count, endpoint.Calls.Count);
        Assert.All(reported, ids =>
        {
            Assert.Equal(Enumerable.Range(ids[0], ids.Count), ids);
            Assert.InRange(ids.Sum(id => rows[id].Length + 1) + 1, 2, LogsIngestionClient.MaxBatchBytes);
        });
    }

    [Fact]
    public async Task Without_a_handler_failures_end_in_an_AggregateException_after_all_batches_were_tried()
    {
        await using var endpoint = await StartEndpointAsync();
        endpoint.Script(new IngestionFault(IngestionFaultKind.Forbidden403));
        var rows = Rows(3000, 900);

        var error = await Assert.ThrowsAsync<AggregateException>(() => Client(endpoint).UploadAsync(Rule, TestStream, rows, new LogsUploadOptions { MaxConcurrency = 1 }));

        var inner = Assert.Single(error.InnerExceptions);
        Assert.Equal(403, Assert.IsType<RequestFailedException>(inner).Status);
        var accepted = AcceptedIds(endpoint);
        Assert.NotEmpty(accepted);
        Assert.InRange(accepted[0], 1, rows.Count - 1);
        Assert.Equal(Enumerable.Range(accepted[0], rows.Count - accepted[0]), accepted);
    }

    [Fact]
    public async Task A_413_splits_the_batch_in_halves()
    {
        await using var endpoint = await StartEndpointAsync();
        endpoint.Script(new IngestionFault(IngestionFaultKind.TooLarge413));
        var rows = Rows(800, 900);

        await Client(endpoint).UploadAsync(Rule, TestStream, rows, new LogsUploadOptions { MaxConcurrency = 1 });

        var calls = endpoint.Calls.ToList();
        Assert.Equal(413, calls[0].Status);
        Assert.Equal(3, calls.Count);
        Assert.Equal(400, calls[1].RowCount);
        Assert.Equal(400, calls[2].RowCount);
        Assert.Equal(Enumerable.Range(0, rows.Count), AcceptedIds(endpoint));
    }

    [Fact]
    public async Task An_oversized_row_has_its_largest_strings_truncated_and_is_flagged()
    {
        await using var endpoint = await StartEndpointAsync();
        var huge = Row(7, new string('x', 1_500_000));
        var rows = new List<ReadOnlyMemory<byte>> { Row(1, "small"), huge, Row(2, "small") };

        await Client(endpoint).UploadAsync(Rule, TestStream, rows);

        Assert.Equal([1, 2, 7], AcceptedIds(endpoint));
        var accepted = endpoint.AcceptedRows.Single(r => r.Json.Contains("\"Id\":7", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(accepted.Json);
        Assert.Equal(64 * 1024, document.RootElement.GetProperty("Payload").GetString()!.Length);
        Assert.Equal("Payload", document.RootElement.GetProperty(LogsIngestionClient.TruncatedFieldsColumn).GetString());
    }

    [Fact]
    public async Task The_default_retry_policy_outlasts_a_burst_that_Azure_Core_defaults_would_dead_letter()
    {
        await using var endpoint = await StartEndpointAsync();
        endpoint.Script(Enumerable.Repeat(new IngestionFault(IngestionFaultKind.Unavailable503), 6).ToArray());
        var options = new LogsIngestionClientOptions { Transport = LoopbackTls.CreateTransport() };
        options.Retry.Delay = TimeSpan.FromMilliseconds(5); // only the delays are shortened; the retry count is the default
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        var client = new LogsIngestionClient(endpoint.Endpoint, new StaticTokenCredential(endpoint.ExpectedToken), options);

        await client.UploadAsync(Rule, TestStream, Rows(10, 10));

        Assert.Equal([503, 503, 503, 503, 503, 503, 204], endpoint.Calls.Select(c => c.Status));
        Assert.Equal(Enumerable.Range(0, 10), AcceptedIds(endpoint));
    }

    [Theory]
    [InlineData(IngestionFaultKind.Throttled429, 429)]
    [InlineData(IngestionFaultKind.Unavailable503, 503)]
    public async Task Retry_After_is_honoured(IngestionFaultKind kind, int status)
    {
        await using var endpoint = await StartEndpointAsync();
        endpoint.Script(new IngestionFault(kind, RetryAfterSeconds: 1));

        await Client(endpoint).UploadAsync(Rule, TestStream, Rows(10, 10));

        var calls = endpoint.Calls.ToList();
        Assert.Equal([status, 204], calls.Select(c => c.Status));
        var waited = Stopwatch.GetElapsedTime(calls[0].ReceivedTimestamp, calls[1].ReceivedTimestamp);
        Assert.True(waited >= TimeSpan.FromSeconds(0.95), $"retried after {waited.TotalMilliseconds} ms, Retry-After was 1 s (client delay 5 ms)");
    }

    [Fact]
    public async Task The_protocol_method_sends_content_as_given_and_the_endpoint_enforces_the_contract()
    {
        await using var endpoint = await StartEndpointAsync();
        var client = Client(endpoint);
        var plain = System.Text.Encoding.UTF8.GetBytes("[{\"Id\":1,\"Payload\":\"a\",\"Undeclared\":true}]");
        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        var notCompressed = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadAsync(Rule, TestStream, global::Azure.Core.RequestContent.Create(plain)));
        var unknownStream = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadAsync(Rule, "Custom-Nope", global::Azure.Core.RequestContent.Create(gzipped.ToArray()), "gzip"));
        var accepted = await client.UploadAsync(Rule, TestStream, global::Azure.Core.RequestContent.Create(gzipped.ToArray()), "gzip");

        Assert.Equal(400, notCompressed.Status);
        Assert.Equal("InvalidContentEncoding", notCompressed.ErrorCode);
        Assert.Equal("InvalidStream", unknownStream.ErrorCode);
        Assert.Contains("Custom-Nope", unknownStream.Message, StringComparison.Ordinal);
        Assert.Equal(204, accepted.Status);
        Assert.Equal(1, endpoint.DroppedColumns["Undeclared"]);
        Assert.Equal("{\"Id\":1,\"Payload\":\"a\"}", Assert.Single(endpoint.AcceptedRows).Json);
    }

    private sealed record TestRow(int Id, string Payload);
}
