using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AuditSentinel.Parsing.Tests.Reference;

/// <summary>One record as <c>ausearch -i</c> printed it.</summary>
internal sealed record ReferenceRecord(string Node, string Type, string Stamp, ulong Serial, string Body);

/// <summary>Runs the reference <c>ausearch -i</c> (auditd 3.0.9) on a log and reads its events back.</summary>
internal static partial class Ausearch
{
    private static readonly string[] Candidates = ["/usr/sbin/ausearch", "/sbin/ausearch", "/usr/bin/ausearch"];

    public static string Executable =>
        Candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "The reference ausearch (Debian package auditd) is not installed; the differential tests need it. Run tests/run-all.sh, which installs it.");

    /// <summary>The events, in printed order; each event's records as printed (auparse prints them last first).</summary>
    public static IReadOnlyList<IReadOnlyList<ReferenceRecord>> Interpret(string logPath)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--interpret");
        start.ArgumentList.Add("--input");
        start.ArgumentList.Add(logPath);
        start.Environment["TZ"] = "UTC";
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ausearch did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var events = new List<IReadOnlyList<ReferenceRecord>>();
        List<ReferenceRecord>? current = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line == "----")
            {
                current = [];
                events.Add(current);
                continue;
            }

            var match = RecordLine().Match(line);
            if (!match.Success || current is null)
            {
                throw new InvalidOperationException("ausearch printed a line this harness cannot read: " + line);
            }

            current.Add(new ReferenceRecord(match.Groups["node"].Value, match.Groups["type"].Value, match.Groups["stamp"].Value,
                ulong.Parse(match.Groups["serial"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["body"].Value));
        }

        process.WaitForExit();
        var stderr = errors.GetAwaiter().GetResult();
        if (process.ExitCode != 0 && !stderr.Contains("<no matches>", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"ausearch failed ({process.ExitCode}): {stderr}");
        }

        return events;
    }

    [GeneratedRegex(@"^(?:node=(?<node>\S+) )?type=(?<type>\S+) msg=audit\((?<stamp>\d\d/\d\d/\d\d \d\d:\d\d:\d\d\.\d\d\d):(?<serial>\d+)\) ?:? ?(?<body>.*)$", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RecordLine();
}
