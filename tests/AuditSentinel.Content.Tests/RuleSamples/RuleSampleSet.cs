using AuditSentinel.TestSupport;
using YamlDotNet.RepresentationModel;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>
/// The analytic rules (kql/analytic-rules/&lt;name&gt;.yaml) and their samples
/// (tests/fixtures/rule-samples/&lt;name&gt;/positive.log, negative.log, expect.json).
/// </summary>
internal static class RuleSampleSet
{
    public const string PositiveLog = "positive.log";
    public const string NegativeLog = "negative.log";
    public const string Expectation = "expect.json";

    public static string RulesDirectory => Path.Combine(RepoPaths.Root, "kql", "analytic-rules");

    public static string SamplesDirectory => RepoPaths.Fixture("rule-samples");

    /// <summary>The rule file names without .yaml, sorted.</summary>
    public static IReadOnlyList<string> RuleNames() =>
        [.. Directory.EnumerateFiles(RulesDirectory, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The sample folder names, sorted.</summary>
    public static IReadOnlyList<string> SampleNames() =>
        [.. Directory.EnumerateDirectories(SamplesDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static string SampleFile(string rule, string file) => Path.Combine(SamplesDirectory, rule, file);

    /// <summary>The rule's <c>query</c> text.</summary>
    public static string Query(string rule)
    {
        var path = Path.Combine(RulesDirectory, rule + ".yaml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = yaml.Documents.Count == 1 && yaml.Documents[0].RootNode is YamlMappingNode mapping
            ? mapping
            : throw new FormatException($"{path}: not a single YAML mapping");
        return root.Children.TryGetValue(new YamlScalarNode("query"), out var query) && query is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw new FormatException($"{path}: no 'query'");
    }
}
