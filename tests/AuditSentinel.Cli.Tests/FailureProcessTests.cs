using AuditSentinel.TestSupport;

namespace AuditSentinel.Cli.Tests;

/// <summary>A failure that is not a usage error (here the file system refusing --out) is reported and exits 1.</summary>
public sealed class FailureProcessTests
{
    [Fact]
    public async Task A_command_that_fails_while_running_reports_the_failure_and_exits_1()
    {
        using var cli = CliProcess.Start("parse", RepoPaths.SshIntrusionLog, "--out", "/dev/null/out", "--format", "ndjson");
        cli.CloseInput();

        var (exit, _, errors) = await cli.WaitAsync();

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.StartsWith("audit-sentinel failed: ", errors, StringComparison.Ordinal);
        Assert.Contains("/dev/null/out", errors, StringComparison.Ordinal);
    }
}
