using System.Text.Json;

namespace AuditSentinel.Deployment.Tests;

public sealed class LoadContentTests
{
    public static TheoryData<string> Files => InfraFiles.AsTheoryData(InfraFiles.Bicep);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_loaded_file_exists_and_loadJsonContent_files_are_valid_json(string path)
    {
        var directory = Path.GetDirectoryName(InfraFiles.Full(path))!;
        foreach (var match in Patterns.LoadContent().Matches(InfraFiles.Read(path)).Cast<System.Text.RegularExpressions.Match>())
        {
            var loaded = Path.Combine(directory, match.Groups["path"].Value);
            Assert.True(File.Exists(loaded), $"{path} loads missing {match.Groups["path"].Value}");
            if (string.Equals(match.Groups["kind"].Value, "Json", StringComparison.Ordinal))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(loaded));
                Assert.NotEqual(JsonValueKind.Undefined, document.RootElement.ValueKind);
            }
        }
    }

    [Fact]
    public void Main_loads_the_schema_the_content_and_the_playbook()
    {
        var loaded = Patterns.LoadContent().Matches(InfraFiles.Read("infra/main.bicep")).Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "generated/tables.json",
                "generated/analytic-rules.json",
                "generated/hunting-queries.json",
                "generated/functions.json",
                "playbooks/session-timeline/workflow.json",
            },
            loaded);
    }
}
