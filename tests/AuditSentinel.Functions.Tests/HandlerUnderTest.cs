using System.Net.Http.Headers;
using System.Text.Json;
using AuditSentinel.Azure;
using AuditSentinel.Azure.Blobs;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.Functions.Blobs;
using AuditSentinel.Functions.Hosting;
using AuditSentinel.TestSupport.Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuditSentinel.Functions.Tests;

/// <summary>
/// The real handler process on Kestrel (127.0.0.1, FUNCTIONS_CUSTOMHANDLER_PORT=0), configured through the same
/// app settings as in Azure, reading and writing containers in Azurite with a bearer token and delivering to the
/// in-process Logs Ingestion endpoint; tests call it over HTTP as the Functions host does.
/// </summary>
internal sealed class HandlerUnderTest : IAsyncDisposable
{
    public const string RuleId = "dcr-00112233445566778899aabbccddeeff";

    private readonly WebApplication _app;

    private HandlerUnderTest(WebApplication app, Uri address, LogsIngestionEndpoint endpoint, Uri rawUri, BlobContainerAccess raw, BlobContainerAccess deadLetter, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        RawUri = rawUri;
        Endpoint = endpoint;
        Raw = raw;
        DeadLetterContainer = deadLetter;
        DeadLetters = new BlobDeadLetterStore(deadLetter);
        Client = new HttpClient { BaseAddress = address };
    }

    public LogsIngestionEndpoint Endpoint { get; }

    /// <summary>What the handler logged, with properties and scopes.</summary>
    public CapturedLogs Logs { get; }

    public Uri RawUri { get; }

    public BlobContainerAccess Raw { get; }

    public BlobContainerAccess DeadLetterContainer { get; }

    public BlobDeadLetterStore DeadLetters { get; }

    public HttpClient Client { get; }

    public static async Task<HandlerUnderTest> StartAsync(AzuriteBlob azurite, int blobMaxAttempts = 2)
    {
        var endpoint = await AuditStreams.StartEndpointAsync(AzuriteBlob.Credential.Token);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var rawUri = azurite.Container("raw-logs-" + suffix);
        var deadLetterUri = azurite.Container("dead-letter-" + suffix);
        var raw = await ContainerAsync(rawUri);
        var deadLetter = await ContainerAsync(deadLetterUri);
        string[] settings =
        [
            "--FUNCTIONS_CUSTOMHANDLER_PORT=0",
            "--AUDITSENTINEL_INGESTION_ENDPOINT=" + endpoint.Endpoint,
            "--AUDITSENTINEL_DCR_IMMUTABLE_ID=" + RuleId,
            "--AUDITSENTINEL_RAW_CONTAINER_URL=" + rawUri,
            "--AUDITSENTINEL_DEADLETTER_CONTAINER_URL=" + deadLetterUri,
            "--AUDITSENTINEL_BLOB_MAX_ATTEMPTS=" + blobMaxAttempts,
        ];
        var logs = new CapturedLogs();
        var app = HandlerApp.Build(settings, builder =>
        {
            builder.Services.AddSingleton(new AzureAccess(AzuriteBlob.Credential, static options => LoopbackClientOptions.Apply(options)));
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new HandlerUnderTest(app, address, endpoint, rawUri, raw, deadLetter, logs);
    }

    /// <summary>POSTs an invocation as the host does and returns the status and the parsed reply (null unless 200).</summary>
    public async Task<(int Status, JsonElement? Reply, string Text)> InvokeAsync(string function, byte[] body, string? invocationId = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = content };
        request.Headers.Add("X-Azure-Functions-InvocationId", invocationId ?? Guid.NewGuid().ToString());
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement? reply = response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : null;
        return ((int)response.StatusCode, reply, text);
    }

    /// <summary>The blob's URL as Event Grid reports it.</summary>
    public string UrlOf(string blobName) => RawUri.AbsoluteUri + "/" + blobName;

    public async Task<List<DeadLetterItem>> DeadLetterItemsAsync()
    {
        var items = new List<DeadLetterItem>();
        await foreach (var id in DeadLetters.ListAsync())
        {
            items.Add(await DeadLetters.ReadAsync(id));
        }

        return items;
    }

    /// <summary>A client for replaying dead letters to the same endpoint.</summary>
    public LogsIngestionClient IngestionClient() =>
        new(Endpoint.Endpoint, AzuriteBlob.Credential, LoopbackClientOptions.Apply(new LogsIngestionClientOptions()));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Endpoint.DisposeAsync();
    }

    /// <summary>The state the handler keeps for raw blob <paramref name="blob"/>, read from its marker as stored.</summary>
    public async Task<BlobState> StateOfAsync(string blob) =>
        BlobState.From(await DeadLetterContainer.GetMetadataAsync(BlobStateStore.MarkerName(blob)));

    /// <summary>Creates a container in Azurite (an existing one is fine) and returns access to it.</summary>
    public static async Task<BlobContainerAccess> ContainerAsync(Uri uri)
    {
        var container = new BlobContainerAccess(uri, AzuriteBlob.Credential, LoopbackClientOptions.Apply(new BlobAccessOptions()));
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
