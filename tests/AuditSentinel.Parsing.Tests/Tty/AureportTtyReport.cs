using System.Globalization;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Tty;

/// <summary>The data column of <c>aureport --tty</c>, by event serial.</summary>
internal static class AureportTtyReport
{
    /// <summary>Runs the real aureport on a log (the test fails, pointing at tests/run-all.sh, when it is missing).</summary>
    public static Dictionary<ulong, string> Run(string logPath) => Parse(ReferenceTools.Run("aureport", "--tty", "-if", logPath));

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
