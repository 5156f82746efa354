using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuditSentinel.TestSupport.Kusto;

namespace AuditSentinel.Deployment.Tests;

/// <summary>The generated Sentinel content the Bicep deploys: valid queries whose mappings name returned columns.</summary>
public sealed partial class SentinelContentTests
{
    private static readonly IReadOnlyList<GeneratedContent> Rules = GeneratedContent.Load("analytic-rules.json");

    private static readonly Lazy<IReadOnlyDictionary<string, KustoResult>> Analysis = new(() => KustoAnalysis.Analyze(
        GeneratedContent.Functions(),
        [
            .. Rules.Select(r => (r.Id, r.Properties["query"]!.GetValue<string>())),
            .. GeneratedContent.Load("hunting-queries.json").Select(h => (h.Id, h.Properties["query"]!.GetValue<string>())),
        ]));

    public static TheoryData<string> HuntingIds => InfraFiles.AsTheoryData(GeneratedContent.Load("hunting-queries.json").Select(h => h.Id));

    [Fact]
    public void There_is_content_to_deploy_with_unique_ids()
    {
        foreach (var file in new[] { "analytic-rules.json", "hunting-queries.json", "functions.json" })
        {
            var ids = GeneratedContent.Load(file).Select(c => c.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        // Rules come from kql/analytic-rules (possibly none on a branch); hunting queries and functions always exist.
        Assert.NotEmpty(GeneratedContent.Load("hunting-queries.json"));
        Assert.NotEmpty(GeneratedContent.Load("functions.json"));
        var ruleFolder = InfraFiles.Full("kql/analytic-rules");
        Assert.Equal(Directory.Exists(ruleFolder) ? Directory.EnumerateFiles(ruleFolder, "*.yaml").Count() : 0, Rules.Count);
    }

    // Rules are facts over all of them: a branch may have none yet (a theory without data fails), and the content
    // tests report each rule file on its own.
    [Fact]
    public void Every_rule_has_the_properties_a_scheduled_rule_requires()
    {
        // Required by Microsoft.SecurityInsights alertRules kind Scheduled; Bicep passes `properties` through as is.
        Assert.All(Rules, rule => Assert.All(
            new[] { "displayName", "enabled", "query", "queryFrequency", "queryPeriod", "severity", "triggerOperator", "triggerThreshold", "suppressionDuration", "suppressionEnabled" },
            name => Assert.True(rule.Properties.ContainsKey(name), $"rule {rule.Id} has no {name}")));
    }

    [Theory]
    [InlineData("hunting-queries.json", "category displayName query")]
    [InlineData("functions.json", "category displayName query functionAlias")]
    public void Saved_searches_have_the_properties_they_require(string file, string required)
    {
        Assert.All(GeneratedContent.Load(file), search => Assert.All(
            required.Split(' '),
            name => Assert.True(search.Properties.ContainsKey(name), $"{file} {search.Id} has no {name}")));
    }

    [Fact]
    public void Every_rule_query_analyzes_without_errors()
    {
        Assert.All(Rules, rule => Assert.Empty(Analysis.Value[rule.Id].Errors));
    }

    [Theory]
    [MemberData(nameof(HuntingIds))]
    public void Hunting_query_analyzes_without_errors(string id)
    {
        Assert.Empty(Analysis.Value[id].Errors);
    }

    [Fact]
    public void Entity_mappings_and_details_refer_to_columns_the_query_returns()
    {
        Assert.All(Rules, rule => AssertReferencedColumnsReturned(rule.Id, rule.Properties));
    }

    private static void AssertReferencedColumnsReturned(string id, JsonObject rule)
    {
        var returned = Analysis.Value[id].Columns.ToHashSet(StringComparer.Ordinal);

        var referenced = new List<string>();
        foreach (var mapping in rule["entityMappings"]?.AsArray() ?? [])
        {
            referenced.AddRange(mapping!["fieldMappings"]!.AsArray().Select(f => f!["columnName"]!.GetValue<string>()));
        }

        referenced.AddRange(rule["customDetails"]?.AsObject().Select(d => d.Value!.GetValue<string>()) ?? []);
        if (rule["alertDetailsOverride"] is JsonObject details)
        {
            referenced.AddRange(Placeholder().Matches(details.ToJsonString()).Select(m => m.Groups["column"].Value));
        }

        Assert.NotEmpty(referenced);
        Assert.All(referenced, column => Assert.Contains(column, returned));
    }

    [Fact]
    public void The_analysis_reports_unknown_columns()
    {
        var result = KustoAnalysis.Analyze(GeneratedContent.Functions(), [("probe", "LinuxAuditEvents_CL | project NoSuchColumn")])["probe"];
        Assert.NotEmpty(result.Errors);
    }

    [GeneratedRegex(@"\{\{(?<column>[A-Za-z_][A-Za-z0-9_]*)\}\}", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
