using AuditSentinel.TestSupport.Azure;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuditSentinel.Functions.Blobs;
using AuditSentinel.Functions.EventHubs;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Functions.Tests;

/// <summary>
/// The publish output is what the Functions host runs (infra/scripts/package-functions.sh zips it): host.json at the
/// root naming the handler executable, and one folder per function whose function.json matches the handler.
/// </summary>
[Collection(HandlerTests.Name)]
public sealed partial class PackageLayoutTests(AzuriteFixture fixture)
{
    private static readonly string[] Functions = [BlobCreatedFunction.Name, EventHubIngestFunction.Name];

    [Fact]
    public async Task The_publish_output_has_host_json_the_executable_and_a_folder_per_function()
    {
        var output = await PublishAsync();
        try
        {
            AssertLayout(output);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static void AssertLayout(string output)
    {
        var host = Json(Path.Combine(output, "host.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")), File.ReadAllText(Path.Combine(output, "host.json")));
        var handler = host.GetProperty("customHandler");
        Assert.True(File.Exists(Path.Combine(output, handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString()!)));
        Assert.False(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host.GetProperty("extensionBundle").GetProperty("id").GetString());
        Assert.Equal(1, host.GetProperty("extensions").GetProperty("eventHubs").GetProperty("batchCheckpointFrequency").GetInt32());

        var folders = Directory.GetDirectories(output).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Functions.Order(StringComparer.Ordinal), folders);
        Assert.False(File.Exists(Path.Combine(output, "web.config")));

        // The handler runs the CLI's parse loop and gets the CLI's runtime settings (eng/HotLoopRuntime.props, docs/performance.md).
        var runtime = Json(Path.Combine(output, "AuditSentinel.Functions.runtimeconfig.json")).GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(runtime.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal("0", runtime.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").ToString());
        Assert.Equal(7, runtime.GetProperty("System.GC.ConserveMemory").GetInt32());
    }

    [Fact]
    public void Each_function_json_binds_the_trigger_the_handler_reads()
    {
        var source = Path.Combine(RepoPaths.Root, "src", "AuditSentinel.Functions");
        var blob = Trigger(Path.Combine(source, BlobCreatedFunction.Name, "function.json"));
        Assert.Equal("eventGridTrigger", blob.GetProperty("type").GetString());
        Assert.Equal(BlobCreatedFunction.BindingName, blob.GetProperty("name").GetString());

        var hub = Trigger(Path.Combine(source, EventHubIngestFunction.Name, "function.json"));
        Assert.Equal("eventHubTrigger", hub.GetProperty("type").GetString());
        Assert.Equal(EventHubBatch.BindingName, hub.GetProperty("name").GetString());
        Assert.Equal("many", hub.GetProperty("cardinality").GetString());
        Assert.Equal("string", hub.GetProperty("dataType").GetString());
        Assert.Equal("EventHubConnection", hub.GetProperty("connection").GetString());
    }

    [Theory]
    [InlineData("infra/scripts/package-functions.sh")]
    [InlineData("infra/scripts/publish-functions.sh")]
    public void The_deployment_scripts_expect_exactly_these_functions(string script)
    {
        var loop = FunctionLoop().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, script)));

        Assert.True(loop.Success, $"{script} has no 'for fn in ...' loop over the functions");
        Assert.Equal(Functions.Order(StringComparer.Ordinal), loop.Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_handler_serves_a_route_for_every_function_folder_and_answers_the_hosts_probe()
    {
        await using var handler = await HandlerUnderTest.StartAsync(fixture.Azurite);

        foreach (var function in Functions)
        {
            // An empty invocation is refused as unreadable (400), which proves the route exists (else 404).
            Assert.Equal(400, (await handler.InvokeAsync(function, "{}"u8.ToArray())).Status);
        }

        using var probe = await handler.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(probe.IsSuccessStatusCode);
    }

    private static JsonElement Trigger(string functionJson) =>
        Json(functionJson).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    /// <summary>Publishes the already built handler (no build: the test run built it) into a fresh folder.</summary>
    private static async Task<string> PublishAsync()
    {
        // The test runs from tests/X/bin/<Configuration>/<framework>/: publish the handler built with the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var output = Directory.CreateTempSubdirectory("functions-publish-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", Path.Combine(RepoPaths.Root, "src", "AuditSentinel.Functions"), "-c", configuration, "--no-build", "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:{Environment.NewLine}{await log}{await errors}");
        return output;
    }

    [GeneratedRegex(@"^for fn in (?<names>[A-Za-z ]+); do", RegexOptions.Multiline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FunctionLoop();
}
