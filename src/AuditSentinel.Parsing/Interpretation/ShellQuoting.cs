using System.Text;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>POSIX shell quoting, so a command line can be pasted into a shell and give back the same argv.</summary>
public static class ShellQuoting
{
    /// <summary>What a missing argument shows as in a joined command line.</summary>
    public const string MissingArgument = "<missing>";

    /// <summary>The word itself when it has only characters no shell treats specially, else single-quoted with <c>'\''</c> for each quote.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && IsSafe(word))
        {
            return word;
        }

        return QuoteAlways(word);
    }

    /// <summary>Quotes each argument and joins them with single spaces; a null argument becomes <see cref="MissingArgument"/>.</summary>
    public static string Join(IEnumerable<string?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var line = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }

            // A first word holding '=' would be read as a variable assignment.
            line.Append(argument is null ? MissingArgument
                : line.Length == 0 && argument.Contains('=', StringComparison.Ordinal) ? QuoteAlways(argument)
                : Quote(argument));
        }

        return line.ToString();
    }

    private static string QuoteAlways(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool IsSafe(string word)
    {
        foreach (var c in word)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '@' or '%' or '+' or '=' or ':' or ',' or '.' or '/' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
