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
        return NeedsQuotes(word, first: false)
            ? string.Create(QuotedLength(word, first: false), word, static (quoted, word) => WriteQuoted(word, first: false, quoted))
            : word;
    }

    /// <summary>Quotes each argument and joins them with single spaces; a null argument becomes <see cref="MissingArgument"/>.</summary>
    public static string Join(IReadOnlyList<string?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        // Measured first, then written once: no builder, no quoted copy of a word.
        var length = Math.Max(arguments.Count - 1, 0);
        for (var i = 0; i < arguments.Count; i++)
        {
            length += QuotedLength(arguments[i], first: i == 0);
        }

        return string.Create(length, arguments, static (line, arguments) =>
        {
            var at = 0;
            for (var i = 0; i < arguments.Count; i++)
            {
                if (i > 0)
                {
                    line[at++] = ' ';
                }

                at += WriteQuoted(arguments[i], first: i == 0, line[at..]);
            }
        });
    }

    // A null argument shows as MissingArgument; a first word holding '=' would be read as a variable assignment, so
    // it is always quoted.
    private static bool NeedsQuotes(string word, bool first) =>
        word.Length == 0 || !IsSafe(word) || (first && word.Contains('=', StringComparison.Ordinal));

    private static int QuotedLength(string? word, bool first) =>
        word is null ? MissingArgument.Length
        : !NeedsQuotes(word, first) ? word.Length
        : word.Length + 2 + (3 * word.AsSpan().Count('\''));

    private static int WriteQuoted(string? word, bool first, Span<char> destination)
    {
        if (word is null)
        {
            MissingArgument.CopyTo(destination);
            return MissingArgument.Length;
        }

        if (!NeedsQuotes(word, first))
        {
            word.CopyTo(destination);
            return word.Length;
        }

        var at = 0;
        destination[at++] = '\'';
        foreach (var c in word)
        {
            if (c == '\'')
            {
                "'\\''".CopyTo(destination[at..]);
                at += 4;
            }
            else
            {
                destination[at++] = c;
            }
        }

        destination[at++] = '\'';
        return at;
    }

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
