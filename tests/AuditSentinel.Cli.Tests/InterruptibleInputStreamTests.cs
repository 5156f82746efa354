using System.IO.Pipelines;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Cli.Tests;

public sealed class InterruptibleInputStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(256 * 1024)]
    public async Task Every_byte_of_the_input_comes_through_in_order_whatever_the_reader_asks_for(int readSize)
    {
        var log = await File.ReadAllBytesAsync(RepoPaths.SshIntrusionLog);
        using var stream = new InterruptibleInputStream(new MemoryStream(log));
        using var copy = new MemoryStream();
        var buffer = new byte[readSize];

        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        Assert.Equal(log, copy.ToArray());
    }

    [Fact]
    public async Task A_read_waiting_for_input_ends_as_cancelled_and_the_caller_buffer_is_never_written_after()
    {
        var pipe = new Pipe();
        using var stream = new InterruptibleInputStream(pipe.Reader.AsStream());
        using var cancel = new CancellationTokenSource();
        var buffer = new byte[16];

        var read = stream.ReadAsync(buffer, cancel.Token).AsTask();
        await Task.Delay(50);
        Assert.False(read.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        await pipe.Writer.WriteAsync("late input"u8.ToArray());
        await Task.Delay(50);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }
}
