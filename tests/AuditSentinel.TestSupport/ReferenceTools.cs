using System.Diagnostics;
using Xunit;

namespace AuditSentinel.TestSupport;

/// <summary>Runs the reference auditd tools (Debian package auditd 3.0.9) that the differential tests compare with.</summary>
public static class ReferenceTools
{
    /// <summary>Runs a tool with TZ=UTC and returns its standard output; fails the test with a clear message when it is missing.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var path = Path.Combine("/usr/sbin", tool);
        Assert.True(File.Exists(path), $"{path} is missing: run tests/run-all.sh, which installs Debian's auditd package (the reference tools).");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TZ"] = "UTC";
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        return output;
    }

    /// <summary>The number of events <c>ausearch -i</c> prints for a log (its <c>----</c> separators).</summary>
    public static int AusearchEventCount(string logPath) =>
        Run("ausearch", "-i", "-if", logPath).Split('\n').Count(l => l == "----");
}
