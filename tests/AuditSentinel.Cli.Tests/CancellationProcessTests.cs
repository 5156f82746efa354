using AuditSentinel.TestSupport;

namespace AuditSentinel.Cli.Tests;

/// <summary>Ctrl+C on a command that reads standard input ends it as cancelled, even while the pipe stays open.</summary>
public sealed class CancellationProcessTests
{
    // More than a pipe holds (64 KiB on Linux): once the write returns, the process is reading, past start-up.
    private const int BytesBeyondThePipe = 256 * 1024;

    [Fact]
    public async Task Ctrl_C_on_parse_reading_a_pipe_that_stays_open_prints_cancelled_and_exits_1()
    {
        using var cli = CliProcess.Start("parse", "-");
        var log = await File.ReadAllBytesAsync(RepoPaths.SshIntrusionLog);
        for (var written = 0; written < BytesBeyondThePipe; written += log.Length)
        {
            await cli.Input.WriteAsync(log);
        }

        await cli.Input.FlushAsync();
        await cli.InterruptAsync();
        var (exit, output, errors) = await cli.WaitAsync();

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("Cancelled.", errors.Trim());
        Assert.Empty(output);
    }
}
