using System.Globalization;
using System.Text.RegularExpressions;

namespace AuditSentinel.Content.Validation;

/// <summary>The ISO 8601 durations the Sentinel APIs take: days and a time part (<c>P1D</c>, <c>PT5H</c>, <c>P1DT12H</c>).</summary>
public static partial class Iso8601Duration
{
    /// <summary>Parses <paramref name="text"/>; false for anything else, including years, months, weeks and fractions, which the APIs refuse or read ambiguously.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success || text!.EndsWith('T') || text.Length < 3)
        {
            return false;
        }

        duration = new TimeSpan(Part(match, "days"), Part(match, "hours"), Part(match, "minutes"), Part(match, "seconds"));
        return true;
    }

    private static int Part(Match match, string name) =>
        match.Groups[name].Success ? int.Parse(match.Groups[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<days>\d{1,4})D)?(?:T(?:(?<hours>\d{1,5})H)?(?:(?<minutes>\d{1,6})M)?(?:(?<seconds>\d{1,7})S)?)?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
