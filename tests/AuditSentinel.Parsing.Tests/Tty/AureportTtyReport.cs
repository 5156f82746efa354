using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AuditSentinel.Parsing.Tests.Tty;

/// <summary>Runs the real <c>aureport --tty</c> and reads its data column by event serial.</summary>
internal static class AureportTtyReport
{
    private const string Aureport = "/usr/sbin/aureport";

    /// <summary>The data column of every row, keyed by event serial.</summary>
    public static Dictionary<ulong, string> Run(string logPath)
    {
        if (!File.Exists(Aureport))
        {
            throw new InvalidOperationException($"{Aureport} is missing: run tests/run-all.sh, which installs the Debian auditd tools the TTY tests compare with.");
        }

        var start = new ProcessStartInfo(Aureport)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.Latin1,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--tty");
        start.ArgumentList.Add("-if");
        start.ArgumentList.Add(logPath);
        start.Environment["TZ"] = "UTC";
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("aureport did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var report = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"aureport exited {process.ExitCode}: {stderr.Result}");
        return Parse(report);
    }

    /// <summary>Reads a report's rows: <c>N. date time serial auid term sess comm data</c>.</summary>
    public static Dictionary<ulong, string> Parse(string report)
    {
        var rows = new Dictionary<ulong, string>();
        foreach (var line in report.Split('\n'))
        {
            var parts = line.Split(' ', 9);
            if (parts.Length == 9 && parts[0].EndsWith('.') && char.IsAsciiDigit(parts[0][0]))
            {
                rows.Add(ulong.Parse(parts[3], CultureInfo.InvariantCulture), parts[8]);
            }
        }

        return rows;
    }
}
