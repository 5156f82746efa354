using AuditSentinel.Cli.Commands;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Cli.Tests;

/// <summary><c>content build</c> and <c>content validate</c> on the fixture rules and on a broken rule.</summary>
public sealed class ContentCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("content-command-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Build_writes_the_three_files_and_the_catalogue()
    {
        var output = Path.Combine(_root, "generated");
        var catalogue = Path.Combine(_root, "detections.md");
        var exit = Run("build", "--kql", RepoPaths.Fixture("content", "kql"), "--out", output, "--catalogue", catalogue);

        Assert.Equal(0, exit);
        Assert.Equal(
            ["analytic-rules.json", "functions.json", "hunting-queries.json"],
            Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("## Analytic rules (2)", File.ReadAllText(catalogue), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_rule_fails_build_and_validate_and_nothing_is_written()
    {
        var rules = Path.Combine(_root, "kql", "analytic-rules");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "broken.yaml"), "id: 1\nname: x\n");
        var output = Path.Combine(_root, "generated");

        Assert.Equal(1, Run("validate", "--kql", Path.Combine(_root, "kql")));
        Assert.Equal(1, Run("build", "--kql", Path.Combine(_root, "kql"), "--out", output, "--catalogue", Path.Combine(_root, "detections.md")));
        Assert.False(Directory.Exists(output));
    }

    private static int Run(params string[] args) => ContentCommand.Create().Parse(args).Invoke();
}
