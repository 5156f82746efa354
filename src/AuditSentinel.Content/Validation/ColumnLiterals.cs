using System.Text.RegularExpressions;

namespace AuditSentinel.Content.Validation;

/// <summary>
/// The string literals a query compares columns with, case-sensitively: <c>Column == 'x'</c>, <c>Column != "x"</c>,
/// <c>Column in ('x', "y")</c>, <c>Column !in (...)</c>. Lists of variables are not literals and are skipped.
/// </summary>
public static partial class ColumnLiterals
{
    /// <summary>The (column, literal) pairs of <paramref name="query"/> for the columns in <paramref name="columns"/>, in query order.</summary>
    public static IEnumerable<(string Column, string Literal)> Of(string? query, IReadOnlySet<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (Match match in Comparison().Matches(query ?? ""))
        {
            var column = match.Groups["column"].Value;
            if (!columns.Contains(column))
            {
                continue;
            }

            if (match.Groups["single"].Success)
            {
                yield return (column, match.Groups["single"].Value);
                continue;
            }

            foreach (Match literal in Quoted().Matches(match.Groups["list"].Value))
            {
                yield return (column, literal.Groups["value"].Value);
            }
        }
    }

    // =~ and in~ compare case-insensitively: a differently cased literal still matches, so they are not collected.
    [GeneratedRegex(@"\b(?<column>[A-Za-z_][A-Za-z0-9_]*)\s*(?:[!=]=\s*(?:'(?<single>[^']*)'|""(?<single>[^""\\]*)"")|!?in\s*\((?<list>[^)]*)\))", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"'(?<value>[^']*)'|""(?<value>[^""\\]*)""", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Quoted();
}
