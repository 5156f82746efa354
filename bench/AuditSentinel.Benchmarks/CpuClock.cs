using System.Diagnostics;

namespace AuditSentinel.Benchmarks;

/// <summary>Wall and whole-process CPU seconds of a piece of work (CPU includes the GC's and every other thread's).</summary>
internal static class CpuClock
{
    internal static async Task<(double Wall, double Cpu)> TimeAsync(Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await work();
        process.Refresh();
        return (wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
