namespace AuditSentinel.Parsing.Tests.Reference;

/// <summary>Random kernel-shaped logs (see <see cref="AuditLogGenerator"/>) read by this project and by <c>ausearch -i</c> must agree.</summary>
public sealed class GeneratedLogDifferentialTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("audit-sentinel-generated-").FullName;

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public async Task Generated_log_agrees_with_ausearch(int seed, bool enriched)
    {
        var path = Path.Combine(_directory, $"generated-{seed}.log");
        var generator = new AuditLogGenerator(seed, enriched);
        generator.Write(path, events: 300);

        var comparison = await ReferenceComparison.RunAsync(path);

        Assert.True(comparison.Differences.Count == 0, comparison.Describe($"seed {seed} ({path})"));
        Assert.Equal(generator.Events, comparison.Events);
        Assert.True(comparison.Arguments > 100, comparison.Describe($"seed {seed}"));
        Assert.True(comparison.HostTableSyscalls > 0, "the riscv64 events must show ausearch naming syscalls from the host's table");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
