using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace AuditSentinel.TestSupport;

/// <summary>Runs a node script of tests/tools (the npm-installed real components) and parses its JSON output.</summary>
public static class NodeTool
{
    /// <summary>Runs tests/tools/<paramref name="script"/> with node and returns its stdout as JSON; fails the test when it fails.</summary>
    public static JsonDocument Run(string script, IEnumerable<string> arguments, string? standardInput = null)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Tools, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} failed ({process.ExitCode}); run `cd tests/tools && npm ci`: {stderr.Result}");
        return JsonDocument.Parse(stdout.Result);
    }
}
