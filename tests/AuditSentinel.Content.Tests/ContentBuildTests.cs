using System.Text;
using System.Text.Json.Nodes;
using AuditSentinel.Content.Build;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Content.Tests;

/// <summary>What `content build` writes: the ARM shapes main.bicep loads, deterministically, and the catalogue.</summary>
public sealed class ContentBuildTests
{
    [Fact]
    public void Rules_become_scheduled_alert_rule_properties()
    {
        var rules = Json(ContentBuild.Render(RepoContent.Fixtures), ContentBuild.AnalyticRulesFileName).AsArray();
        var sudo = rules.Single(r => r!["id"]!.GetValue<string>() == "5d6a0c0e-3a4f-4b8e-9d8e-0f1a2b3c4d5e")!["properties"]!;
        Assert.Equal("Interactive root shell through sudo or su", sudo["displayName"]!.GetValue<string>());
        Assert.Equal("GreaterThan", sudo["triggerOperator"]!.GetValue<string>());
        Assert.Equal(["T1548", "T1078"], sudo["techniques"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["T1548.003"], sudo["subTechniques"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(sudo["suppressionEnabled"]!.GetValue<bool>());
        Assert.Equal("PT1H", sudo["suppressionDuration"]!.GetValue<string>());
        Assert.True(sudo["enabled"]!.GetValue<bool>());
        Assert.Equal("Session", sudo["customDetails"]!["Session"]!.GetValue<string>());
        Assert.Equal(["Session"], sudo["incidentConfiguration"]!["groupingConfiguration"]!["groupByCustomDetails"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Root shell for {{AuditUser}} on {{HostName}}", sudo["alertDetailsOverride"]!["alertDisplayNameFormat"]!.GetValue<string>());
        Assert.StartsWith("let shells = dynamic(['bash'", sudo["query"]!.GetValue<string>(), StringComparison.Ordinal);

        var deleted = rules.Single(r => r!["id"]!.GetValue<string>() == "8c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f")!["properties"]!;
        Assert.False(deleted["suppressionEnabled"]!.GetValue<bool>());
        Assert.Equal(["T1562"], deleted["techniques"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public void Functions_carry_their_alias_and_parameter_declaration()
    {
        var functions = Json(ContentBuild.Render(RepoContent.Kql), ContentBuild.FunctionsFileName).AsArray();
        var session = functions.Single(f => f!["id"]!.GetValue<string>() == "LinuxAuditSession")!["properties"]!;
        Assert.Equal("LinuxAuditSession", session["functionAlias"]!.GetValue<string>());
        Assert.Equal("host:string='', session:long=long(null), lookback:timespan=7d", session["functionParameters"]!.GetValue<string>());
        Assert.Equal("audit-sentinel", session["category"]!.GetValue<string>());
        var asim = functions.Single(f => f!["id"]!.GetValue<string>() == "vimProcessCreateLinuxAuditd")!["properties"]!;
        Assert.Equal("ASIM", asim["category"]!.GetValue<string>());
    }

    [Fact]
    public void Hunting_queries_are_saved_searches_with_their_attack_tags()
    {
        var hunting = Json(ContentBuild.Render(RepoContent.Kql), ContentBuild.HuntingQueriesFileName).AsArray();
        Assert.Equal(RepoContent.Kql.Hunting.Count, hunting.Count);
        Assert.All(hunting, h =>
        {
            Assert.Equal("Hunting Queries", h!["properties"]!["category"]!.GetValue<string>());
            var tags = h["properties"]!["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>());
            Assert.Equal(["description", "tactics", "techniques"], tags);
        });
    }

    [Fact]
    public void The_build_is_deterministic()
    {
        var first = ContentBuild.Render(RepoContent.Kql).Files;
        var second = ContentBuild.Render(ContentSet.Load(Path.Combine(RepoPaths.Root, "kql"))).Files;
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        Assert.All(first, f => Assert.Equal(f.Value, second[f.Key]));
    }

    [Fact]
    public void The_committed_generated_files_and_catalogue_are_what_the_build_makes_from_kql()
    {
        var result = ContentBuild.Render(RepoContent.Kql);
        Assert.Empty(result.Problems);
        Assert.All(result.Files, f => Assert.True(
            f.Value.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "infra", "generated", f.Key))),
            $"infra/generated/{f.Key} is stale: run `dotnet run --project src/AuditSentinel.Cli -- content build`"));
        Assert.Equal(DetectionCatalogue.Render(RepoContent.Kql), File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "detections.md")));
    }

    [Fact]
    public void The_catalogue_lists_every_rule_with_its_techniques_data_and_knobs()
    {
        var catalogue = DetectionCatalogue.Render(RepoContent.Fixtures);
        Assert.Contains("## Analytic rules (2)", catalogue, StringComparison.Ordinal);
        Assert.Contains("**Interactive root shell through sudo or su** (`sudo-to-root-shell`) | Medium | PrivilegeEscalation | T1548.003 Sudo and Sudo Caching, T1078 Valid Accounts | LinuxAuditEvents_CL<br>Syscall: execve<br>Needs: execve auditing (any key or none). | PT15M / PT1H | Account, Host, Process | Tuning: shells lists the programs that count as a shell.<br>`shells = dynamic(['bash', 'sh', 'zsh', 'dash', 'fish'])`<br>`lookback = 1h` |", catalogue, StringComparison.Ordinal);
        Assert.Contains("(`audit-rules-deleted`) | High | DefenseEvasion | T1562.012 Disable or Modify Linux Audit System | LinuxAuditEvents_CL<br>RecordType: CONFIG_CHANGE<br>Needs: nothing beyond auditd; the kernel reports every rule change. |", catalogue, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_with_a_problem_writes_nothing()
    {
        var root = Directory.CreateTempSubdirectory("content-build-").FullName;
        try
        {
            var rules = Path.Combine(root, "kql", "analytic-rules");
            Directory.CreateDirectory(rules);
            File.WriteAllText(Path.Combine(rules, "broken.yaml"), "id: not-a-guid\n");
            var output = Path.Combine(root, "generated");
            var problems = ContentBuild.Write(ContentSet.Load(Path.Combine(root, "kql")), output, Path.Combine(root, "detections.md"));
            Assert.NotEmpty(problems);
            Assert.False(Directory.Exists(output));
            Assert.False(File.Exists(Path.Combine(root, "detections.md")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static JsonNode Json(ContentBuildResult result, string file)
    {
        Assert.Empty(result.Problems);
        return JsonNode.Parse(Encoding.UTF8.GetString(result.Files[file]))!;
    }
}
