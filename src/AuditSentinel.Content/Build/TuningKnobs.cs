using System.Text.RegularExpressions;

namespace AuditSentinel.Content.Build;

/// <summary>
/// The tuning knobs of a query: the <c>let name = literal;</c> statements it starts with (thresholds, windows,
/// allow-lists, verbatim regular expressions). Writing knobs that way is the convention of our content, so the catalogue lists them without
/// anyone maintaining a second list.
/// </summary>
public static partial class TuningKnobs
{
    /// <summary>The leading literal <c>let</c> statements of <paramref name="query"/> as (name, value) in order.</summary>
    public static IReadOnlyList<(string Name, string Value)> Of(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var knobs = new List<(string, string)>();
        foreach (var line in query.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)))
        {
            var match = LetLiteral().Match(line);
            if (!match.Success)
            {
                if (line.StartsWith("let ", StringComparison.Ordinal))
                {
                    continue;
                }

                break;
            }

            knobs.Add((match.Groups["name"].Value, match.Groups["value"].Value));
        }

        return knobs;
    }

    [GeneratedRegex(@"^let\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?<value>\d+(\.\d+)?(d|h|m|s|ms)?|(dynamic|datetime|time)\(.*\)|'[^']*'|""[^""]*""|@'(?:[^']|'')*'|@""(?:[^""]|"""")*""|true|false)\s*;\s*(//.*)?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LetLiteral();
}
