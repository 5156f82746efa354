namespace AuditSentinel.Cli.Tests;

/// <summary>A command line that cannot run ends with its reason and exit code 2, never with a stack trace.</summary>
public sealed class UsageErrorProcessTests
{
    [Theory]
    [InlineData("No such file or folder: /nonexistent/audit.log", "parse", "/nonexistent/audit.log")]
    [InlineData("No such file or folder: /nonexistent/audit.log", "timeline", "/nonexistent/audit.log", "--host", "web-1", "--session", "1")]
    [InlineData("No such file or folder: /nonexistent/audit.log", "send", "/nonexistent/audit.log", "--endpoint", "https://127.0.0.1:9", "--rule-id", "dcr-0", "--credential", "none")]
    [InlineData("Not a size: '12XB'", "generate", "--out", "/tmp/never-written.log", "--size", "12XB")]
    [InlineData("No such content folder: /nonexistent/kql", "content", "validate", "--kql", "/nonexistent/kql")]
    [InlineData("No such content folder: /nonexistent/kql", "content", "build", "--kql", "/nonexistent/kql", "--out", "/tmp/never-written")]
    [InlineData("No dead-letter folder /nonexistent/dead-letter.", "replay", "/nonexistent/dead-letter", "--endpoint", "https://127.0.0.1:9", "--credential", "none")]
    [InlineData("--endpoint must be an absolute https URL, not 'http://127.0.0.1:9'.", "query", "LinuxAuditEvents_CL | count", "--workspace", "00000000-0000-0000-0000-000000000000", "--endpoint", "http://127.0.0.1:9", "--credential", "none")]
    [InlineData("--timespan 'soon' is not a positive duration", "query", "LinuxAuditEvents_CL | count", "--workspace", "00000000-0000-0000-0000-000000000000", "--timespan", "soon", "--endpoint", "https://127.0.0.1:9", "--credential", "none")]
    public async Task A_usage_error_found_while_running_prints_its_reason_and_exits_2(string reason, params string[] arguments)
    {
        using var cli = CliProcess.Start(arguments);
        cli.CloseInput();

        var (exit, output, errors) = await cli.WaitAsync();

        Assert.Equal(ExitCodes.InvalidArguments, exit);
        Assert.StartsWith(reason, errors, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", errors, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
