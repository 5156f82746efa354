using System.Diagnostics;
using System.Globalization;
using AuditSentinel.Parsing.Events;

namespace AuditSentinel.Parsing.Tests.Events;

/// <summary>
/// EventKey's hash is seeded per process (<see cref="HashCode"/>): the assembler's tables are keyed by it, and a log
/// whose author could predict the hashes could fill one bucket with every open event.
/// </summary>
public class EventKeySeedTests
{
    /// <summary>The argument that makes the test assembly print the hashes of <see cref="Keys"/> (<see cref="Program"/>).</summary>
    internal const string PrintHashesArgument = "event-key-hashes";

    /// <summary>Keys of several hosts, times and serials.</summary>
    internal static readonly EventKey[] Keys =
    [
        .. Enumerable.Range(0, 64).Select(i => new EventKey(i % 4 == 0 ? "vm" : $"host-{i % 8:0000}", new AuditTimestamp(1795333528 + i / 8, i % 1000), 4160UL + (ulong)i)),
    ];

    [Fact]
    public void Two_processes_hash_the_same_keys_differently()
    {
        var first = HashesInANewProcess();
        var second = HashesInANewProcess();

        Assert.Equal(Keys.Length, first.Length);
        Assert.Equal(Keys.Length, second.Length);
        // An unseeded hash gives the same list in every process; seeded ones agree on a key by chance, 1 in 2^32.
        Assert.True(first.Zip(second).Count(pair => pair.First == pair.Second) <= 1, $"{string.Join(',', first)}\n{string.Join(',', second)}");
        Assert.NotEqual(Keys.Select(key => key.GetHashCode()), first);
    }

    private static int[] HashesInANewProcess()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(EventKeySeedTests).Assembly.Location);
        start.ArgumentList.Add(PrintHashesArgument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => int.Parse(line, CultureInfo.InvariantCulture))];
    }
}
