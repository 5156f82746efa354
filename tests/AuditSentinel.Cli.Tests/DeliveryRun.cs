using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using AuditSentinel.Azure;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Cli.Azure;
using AuditSentinel.Cli.Commands;
using AuditSentinel.Cli.Generation;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;
using AuditSentinel.Tables;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Azure;
using Spectre.Console.Testing;
using static AuditSentinel.TestSupport.RowJson;

namespace AuditSentinel.Cli.Tests;

/// <summary>A work folder for send/replay runs against the in-process endpoints: inputs, what parse makes of them, the dead-letter folder.</summary>
internal sealed class DeliveryRun : IDisposable
{
    public const string RuleId = "dcr-0123456789abcdef0123456789abcdef";

    public static readonly string[] RowTables = [AuditTables.LinuxAuditEvents.Schema.Name, AuditTables.LinuxTtyInput.Schema.Name];

    private readonly string _work = Directory.CreateTempSubdirectory("send-").FullName;

    public string DeadLetterFolder => Path.Combine(_work, "dead-letter");

    public FolderDeadLetterStore Store => new(DeadLetterFolder);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static AzureAccess Access(LogsIngestionEndpoint endpoint, TimeSpan? networkTimeout = null) =>
        new(new StaticTokenCredential(endpoint.ExpectedToken), options => LoopbackClientOptions.Apply(options, maxRetries: 12, networkTimeout));

    /// <summary>A gzip corpus generated from the ssh-intrusion log, alone in a folder (sent as a DIR argument).</summary>
    public async Task<string> GeneratedCorpusFolderAsync(long bytes, int hosts)
    {
        CorpusGenerator generator;
        await using (var template = File.OpenRead(RepoPaths.SshIntrusionLog))
        {
            generator = await CorpusGenerator.FromLogAsync(template, CancellationToken.None);
        }

        var folder = Directory.CreateDirectory(Path.Combine(_work, "generated")).FullName;
        await using var file = File.Create(Path.Combine(folder, "audit.log.1.gz"));
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        generator.Write(gzip, bytes, hosts);
        return folder;
    }

    /// <summary>The EventIds <c>parse --out</c> writes for each row table.</summary>
    public async Task<Dictionary<string, HashSet<string>>> ParsedEventIdsAsync(IReadOnlyList<LogInput> inputs)
    {
        var outDir = Path.Combine(_work, "parsed");
        Assert.Equal(0, await ParseCommand.RunAsync(inputs, outDir, wantSummary: false, new IngestOptions(), new TestConsole(), CancellationToken.None));
        return RowTables.ToDictionary(t => t, t => File.ReadLines(Path.Combine(outDir, t + ".ndjson")).Select(EventIdOf).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>How many rows the last <see cref="ParsedEventIdsAsync"/> wrote for <paramref name="table"/>.</summary>
    public long ParsedRowCount(string table) => File.ReadLines(Path.Combine(_work, "parsed", table + ".ndjson")).LongCount();

    /// <summary>Runs <c>send</c>; the dead-letter store is the run's folder unless a store and its location are given.</summary>
    public async Task<(int Exit, string Output, string Errors)> SendAsync(LogsIngestionEndpoint endpoint, IReadOnlyList<LogInput> inputs, AzureAccess access, IDeadLetterStore? store = null, string? location = null, CancellationToken cancellationToken = default)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        using var errors = new StringWriter();
        var request = new SendRequest(inputs, endpoint.Endpoint, RuleId, store ?? Store, location ?? DeadLetterFolder, new IngestOptions(), new DeliveryOptions());
        var exit = await SendCommand.RunAsync(request, access, console, errors, cancellationToken);
        return (exit, console.Output, errors.ToString());
    }

    /// <summary>Runs <c>replay</c> of the run's folder, or of the given store and location.</summary>
    public async Task<(int Exit, string Output, string Errors)> ReplayAsync(LogsIngestionEndpoint endpoint, AzureAccess access, IDeadLetterStore? store = null, string? location = null)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        using var errors = new StringWriter();
        var exit = await ReplayCommand.RunAsync(new ReplayRequest(store ?? Store, location ?? DeadLetterFolder, endpoint.Endpoint, 4), access, console, errors, CancellationToken.None);
        return (exit, console.Output, errors.ToString());
    }

    public async Task<List<DeadLetterItem>> DeadLettersAsync(IDeadLetterStore? store = null)
    {
        store ??= Store;
        var items = new List<DeadLetterItem>();
        await foreach (var id in store.ListAsync())
        {
            items.Add(await store.ReadAsync(id));
        }

        return items;
    }

    /// <summary>The count on the summary table's row whose label is <paramref name="label"/>.</summary>
    public static long SummaryValue(string output, string label)
    {
        var row = output.Split('\n').Single(l => l.Contains("│ " + label + " ", StringComparison.Ordinal));
        return long.Parse(row.Split('│')[^2].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits until a send has a call in flight for each row table, so the whole log was read: the moment the Ctrl+C
    /// tests press it. Fails when that does not happen within <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitForEveryTableInFlightAsync(LogsIngestionEndpoint endpoint, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (endpoint.CallsStarted < RowTables.Length && waited.Elapsed < timeout)
        {
            await Task.Delay(20);
        }

        Assert.True(endpoint.CallsStarted >= RowTables.Length, "the send never reached the endpoint");
    }

    public static HashSet<string> AcceptedEventIds(LogsIngestionEndpoint endpoint, string table) =>
        endpoint.AcceptedRows(table).Select(EventIdOf).ToHashSet(StringComparer.Ordinal);
}
