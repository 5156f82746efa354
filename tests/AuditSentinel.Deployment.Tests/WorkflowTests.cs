using YamlDotNet.RepresentationModel;

namespace AuditSentinel.Deployment.Tests;

/// <summary>The GitHub workflows parse as YAML and do what the deployment relies on.</summary>
public sealed class WorkflowTests
{
    [Fact]
    public void Ci_builds_tests_checks_generated_drift_and_builds_and_lints_every_bicep_file()
    {
        var runs = string.Join('\n', Steps(Load("ci.yml")).Select(s => Scalar(s, "run")));
        foreach (var command in new[]
        {
            "dotnet restore Functions.sln",
            "dotnet build Functions.sln",
            "bash tests/run-all.sh",
            "dotnet run --project src/AuditSentinel.Cli -c Release -- schema --out infra/generated",
            "dotnet run --project src/AuditSentinel.Cli -c Release -- content build --out infra/generated",
            "git diff --exit-code infra/generated",
            "az bicep build --file \"$file\"",
            "az bicep lint --file \"$file\"",
            "git ls-files '*.bicep'",
            "az bicep build-params --file \"$file\"",
        })
        {
            Assert.Contains(command, runs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Deploy_signs_in_with_oidc_from_variables_and_no_secret()
    {
        var deploy = Load("deploy.yml");
        var permissions = (YamlMappingNode)deploy.Children[new YamlScalarNode("permissions")];
        Assert.Equal("write", Scalar(permissions, "id-token"));

        var login = Steps(deploy).Single(s => Scalar(s, "uses").StartsWith("azure/login@", StringComparison.Ordinal));
        var with = (YamlMappingNode)login.Children[new YamlScalarNode("with")];
        Assert.Equal(
            ["client-id", "subscription-id", "tenant-id"],
            with.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal));
        foreach (var (key, value) in with.Children)
        {
            Assert.StartsWith("${{ vars.", ((YamlScalarNode)value).Value, StringComparison.Ordinal);
            Assert.NotEqual("client-secret", ((YamlScalarNode)key).Value);
        }
    }

    [Fact]
    public void Deploy_runs_what_if_deployment_publish_subscription_and_the_smoke_test_in_that_order()
    {
        var deploy = Load("deploy.yml");
        var runs = Steps(deploy).Select(s => Scalar(s, "run")).Where(r => r.Length > 0).ToList();
        var order = new[]
        {
            "az deployment group what-if",
            "az deployment group create",
            "infra/scripts/package-functions.sh",
            "infra/scripts/publish-functions.sh",
            "infra/scripts/subscribe-blob-created.sh",
            "infra/scripts/smoke-test.sh",
        }.Select(command => runs.FindIndex(r => r.Contains(command, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);

        var environment = ((YamlMappingNode)((YamlMappingNode)deploy.Children[new YamlScalarNode("on")]).Children[new YamlScalarNode("workflow_dispatch")]);
        var options = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)environment.Children[new YamlScalarNode("inputs")]).Children[new YamlScalarNode("environment")]).Children[new YamlScalarNode("options")];
        Assert.Equal(["dev", "prod"], options.Children.Select(o => ((YamlScalarNode)o).Value!));
        foreach (var name in new[] { "dev", "prod" })
        {
            Assert.True(File.Exists(InfraFiles.Full($"infra/parameters/{name}.bicepparam")), $"no parameters for {name}");
        }
    }

    [Fact]
    public void The_smoke_test_uploads_with_entra_id_and_polls_the_table_through_the_cli()
    {
        var smoke = InfraFiles.Read("infra/scripts/smoke-test.sh");
        Assert.Contains("az storage blob upload --auth-mode login", smoke, StringComparison.Ordinal);
        Assert.Contains("query=\"LinuxAuditEvents_CL | where SourceName == '$blob' | count\"", smoke, StringComparison.Ordinal);
        // Only a successful query's TSV stdout is read: an error message's numbers never pass for a count.
        Assert.Contains("cli query --workspace \"$workspace\" --format tsv \"$query\" 2>\"$errors\"", smoke, StringComparison.Ordinal);
        Assert.DoesNotContain("2>&1", smoke, StringComparison.Ordinal);
        Assert.Contains("--project \"$root/src/AuditSentinel.Cli\"", smoke, StringComparison.Ordinal);
        Assert.Contains("samples/ssh-intrusion/audit.log", InfraFiles.Read(".github/workflows/deploy.yml"), StringComparison.Ordinal);
        Assert.True(File.Exists(InfraFiles.Full("samples/ssh-intrusion/audit.log")));
    }

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(InfraFiles.Workflows, name)));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow.Children[new YamlScalarNode("jobs")]).Children.Values
            .Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>());

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? "" : "";
}
