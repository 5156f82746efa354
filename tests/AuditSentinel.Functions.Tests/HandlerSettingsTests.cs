using System.Text.RegularExpressions;
using AuditSentinel.Functions.Hosting;
using AuditSentinel.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AuditSentinel.Functions.Tests;

public sealed partial class HandlerSettingsTests
{
    private static readonly Dictionary<string, string?> Required = new(StringComparer.Ordinal)
    {
        ["AUDITSENTINEL_INGESTION_ENDPOINT"] = "https://dcr-x.westeurope-1.ingest.monitor.azure.com",
        ["AUDITSENTINEL_DCR_IMMUTABLE_ID"] = "dcr-00112233445566778899aabbccddeeff",
        ["AUDITSENTINEL_RAW_CONTAINER_URL"] = "https://stauditd.blob.core.windows.net/raw-logs",
        ["AUDITSENTINEL_DEADLETTER_CONTAINER_URL"] = "https://stauditd.blob.core.windows.net/dead-letter",
    };

    [Fact]
    public void Defaults_apply_to_the_optional_settings()
    {
        var settings = HandlerSettings.From(Configuration(Required));

        Assert.True(settings.RedactTty);
        Assert.Equal(3, settings.BlobMaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.BlobClaimDuration);
        Assert.Equal("raw-logs", settings.RawContainer.Segments[^1]);
    }

    [Theory]
    [InlineData("AUDITSENTINEL_DCR_IMMUTABLE_ID", null, "is required")]
    [InlineData("AUDITSENTINEL_INGESTION_ENDPOINT", "http://dcr-x.ingest.monitor.azure.com", "must be an https URL")]
    [InlineData("AUDITSENTINEL_RAW_CONTAINER_URL", "raw-logs", "must be an https URL")]
    [InlineData("AUDITSENTINEL_REDACT_TTY", "yes", "must be true or false")]
    [InlineData("AUDITSENTINEL_BLOB_MAX_ATTEMPTS", "0", "positive whole number")]
    [InlineData("AUDITSENTINEL_BLOB_CLAIM_MINUTES", "-5", "positive whole number")]
    public void A_missing_or_malformed_setting_stops_the_handler_with_its_name(string name, string? value, string message)
    {
        var values = new Dictionary<string, string?>(Required, StringComparer.Ordinal) { [name] = value };

        var error = Assert.Throws<InvalidOperationException>(() => HandlerSettings.From(Configuration(values)));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_documents_every_app_setting_the_infra_sets_with_the_handler_defaults()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Function app settings", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var documented = SettingRow().Matches(section).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Value, StringComparer.Ordinal);
        var bicep = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "modules", "function-app.bicep"));
        var appSettings = bicep[bicep.IndexOf("appSettings: [", StringComparison.Ordinal)..];
        appSettings = appSettings[..appSettings.IndexOf(']', StringComparison.Ordinal)];
        var set = AppSettingName().Matches(appSettings).Select(m => m.Groups["name"].Value).Append("FUNCTIONS_CUSTOMHANDLER_PORT");

        Assert.Equal(set.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.All(Required.Keys, name => Assert.Equal("required", documented[name]));
        var defaults = HandlerSettings.From(Configuration(Required));
        Assert.Equal($"`{defaults.RedactTty.ToString().ToLowerInvariant()}`", documented["AUDITSENTINEL_REDACT_TTY"]);
        Assert.Equal($"`{defaults.BlobMaxAttempts}`", documented["AUDITSENTINEL_BLOB_MAX_ATTEMPTS"]);
        Assert.Equal($"`{defaults.BlobClaimDuration.TotalMinutes}`", documented["AUDITSENTINEL_BLOB_CLAIM_MINUTES"]);
    }

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z_]+)` \| (?<default>[^|]+?) \|", RegexOptions.Multiline | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SettingRow();

    [GeneratedRegex(@"name: '(?<name>[A-Za-z_]+)'", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AppSettingName();

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
