using System.Text.RegularExpressions;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Deployment.Tests;

/// <summary>Every setting the custom handler and its bindings read is set on the function app.</summary>
public sealed class AppSettingsTests
{
    /// <summary>The settings agreed with the function app (handler settings, identity-based connections).</summary>
    private static readonly string[] Contract =
    [
        "AUDITSENTINEL_INGESTION_ENDPOINT",
        "AUDITSENTINEL_DCR_IMMUTABLE_ID",
        "AUDITSENTINEL_DEADLETTER_CONTAINER_URL",
        "AUDITSENTINEL_RAW_CONTAINER_URL",
        "AUDITSENTINEL_REDACT_TTY",
        "AUDITSENTINEL_EVENTHUB_NAME",
        "AUDITSENTINEL_EVENTHUB_CONSUMER_GROUP",
        "EventHubConnection__fullyQualifiedNamespace",
        "AzureWebJobsStorage__accountName",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    private const string HandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The app setting names of the function app module.</summary>
    internal static HashSet<string> DeclaredSettings()
    {
        // Comment lines go first: an apostrophe in one would look like the start of a string to Declaration.
        var app = string.Join('\n', InfraFiles.Read("infra/modules/function-app.bicep").Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        var settings = BicepText.Declaration(app, "appSettings:");
        return Patterns.SettingName().Matches(settings).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void Every_contract_setting_is_set()
    {
        Assert.Superset(Contract.ToHashSet(StringComparer.Ordinal), DeclaredSettings());
    }

    [Fact]
    public void Every_setting_the_handler_source_reads_is_set()
    {
        var functions = Path.Combine(RepoPaths.Root, "src", "AuditSentinel.Functions");
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(functions, "*.cs", SearchOption.AllDirectories).Where(IsSource))
        {
            read.UnionWith(Patterns.HandlerSetting().Matches(File.ReadAllText(file)).Select(m => m.Value));
        }

        foreach (var file in Directory.EnumerateFiles(functions, "function.json", SearchOption.AllDirectories).Where(IsSource))
        {
            var binding = File.ReadAllText(file);
            read.UnionWith(Patterns.BindingExpression().Matches(binding).Select(m => m.Groups["name"].Value));
            if (binding.Contains("\"EventHubConnection\"", StringComparison.Ordinal))
            {
                read.Add("EventHubConnection__fullyQualifiedNamespace");
            }
        }

        Assert.Superset(read, DeclaredSettings());
    }

    [Fact]
    public void The_readme_documents_exactly_the_settings_the_app_gets()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("## Function app settings", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no Function app settings section");
        var section = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var documented = Patterns.SettingsTableRow().Matches(section).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        // The host sets the handler's port itself; every other documented setting comes from the Bicep.
        Assert.True(documented.Remove(HandlerPortSetting), $"README.md does not document {HandlerPortSetting}");
        Assert.Equal(DeclaredSettings().Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Flex_consumption_takes_the_custom_runtime_from_function_app_config_not_from_settings()
    {
        var app = BicepText.Normalize(InfraFiles.Read("infra/modules/function-app.bicep"));
        Assert.Contains("runtime: { name: 'custom' version: '1.0' }", app, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", DeclaredSettings());
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", DeclaredSettings());
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", DeclaredSettings());
    }

    [Fact]
    public void The_function_app_caps_the_first_gc_generation_as_the_native_cli_does()
    {
        // The handler runs on the JIT, whose runtimeconfig cannot carry GCgen0size; the environment can (docs/performance.md).
        var app = BicepText.Normalize(InfraFiles.Read("infra/modules/function-app.bicep"));
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "eng", "HotLoopRuntime.props"));
        var cli = Regex.Match(props, "--runtimeopt:GCgen0size=(?<size>[0-9a-fA-F]+)", RegexOptions.None, TimeSpan.FromSeconds(1));

        Assert.True(cli.Success, "eng/HotLoopRuntime.props gives the NativeAOT CLI no GCgen0size");
        Assert.Contains($"name: 'DOTNET_GCgen0size' value: '{cli.Groups["size"].Value}'", app, StringComparison.Ordinal);
        Assert.Equal(32 * 1024 * 1024, Convert.ToInt32(cli.Groups["size"].Value, 16));
    }

    private static bool IsSource(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
