using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>Picks real lines out of the fixtures, so tests read what auditd wrote rather than what we imagine.</summary>
internal static class LineFixtures
{
    public static string SshIntrusion(string mustContain) => First(RepoPaths.SshIntrusionLog, mustContain);

    public static string GoLibaudit(string file, string mustContain) =>
        First(RepoPaths.Fixture("go-libaudit", "auparse", "testdata", file), mustContain);

    private static string First(string path, string mustContain) =>
        File.ReadLines(path).First(l => l.Contains(mustContain, StringComparison.Ordinal));
}
