using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Reference;

/// <summary>Every fixture log, read by this project and by <c>ausearch -i</c>, must agree (see <see cref="ReferenceComparison"/>).</summary>
public class FixtureDifferentialTests
{
    public static TheoryData<string> Logs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Fixtures, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Fixtures, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task Fixture_log_agrees_with_ausearch(string log)
    {
        var comparison = await ReferenceComparison.RunAsync(Path.Combine(RepoPaths.Fixtures, log));

        Assert.True(comparison.Differences.Count == 0, comparison.Describe(log));
        Assert.True(comparison.Events > 0 && comparison.Fields > 0, comparison.Describe(log));
    }
}
