using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AuditSentinel.Deployment.Tests;

/// <summary>The generated Sentinel content the Bicep deploys: valid queries whose mappings name returned columns.</summary>
public sealed partial class SentinelContentTests
{
    private static readonly IReadOnlyList<GeneratedContent> Rules = GeneratedContent.Load("analytic-rules.json");

    private static readonly Lazy<IReadOnlyDictionary<string, KustoResult>> Analysis = new(() => KustoResult.Analyze(
        [
            .. Rules.Select(r => (r.Id, r.Properties["query"]!.GetValue<string>())),
            .. GeneratedContent.Load("hunting-queries.json").Select(h => (h.Id, h.Properties["query"]!.GetValue<string>())),
        ]));

    public static TheoryData<string> RuleIds => InfraFiles.AsTheoryData(Rules.Select(r => r.Id));

    public static TheoryData<string> HuntingIds => InfraFiles.AsTheoryData(GeneratedContent.Load("hunting-queries.json").Select(h => h.Id));

    [Fact]
    public void There_is_content_to_deploy_with_unique_ids()
    {
        foreach (var file in new[] { "analytic-rules.json", "hunting-queries.json", "functions.json" })
        {
            var ids = GeneratedContent.Load(file).Select(c => c.Id).ToList();
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_the_properties_a_scheduled_rule_requires(string id)
    {
        // Required by Microsoft.SecurityInsights alertRules kind Scheduled; Bicep passes `properties` through as is.
        var rule = Rules.Single(r => string.Equals(r.Id, id, StringComparison.Ordinal)).Properties;
        Assert.All(
            new[] { "displayName", "enabled", "query", "queryFrequency", "queryPeriod", "severity", "triggerOperator", "triggerThreshold", "suppressionDuration", "suppressionEnabled" },
            name => Assert.True(rule.ContainsKey(name), $"rule {id} has no {name}"));
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

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_query_analyzes_without_errors(string id)
    {
        Assert.Empty(Analysis.Value[id].Errors);
    }

    [Theory]
    [MemberData(nameof(HuntingIds))]
    public void Hunting_query_analyzes_without_errors(string id)
    {
        Assert.Empty(Analysis.Value[id].Errors);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Entity_mappings_and_details_refer_to_columns_the_query_returns(string id)
    {
        var rule = Rules.Single(r => string.Equals(r.Id, id, StringComparison.Ordinal)).Properties;
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
        var result = KustoResult.Analyze([("probe", "LinuxAuditEvents_CL | project NoSuchColumn")])["probe"];
        Assert.NotEmpty(result.Errors);
    }

    [GeneratedRegex(@"\{\{(?<column>[A-Za-z_][A-Za-z0-9_]*)\}\}", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
