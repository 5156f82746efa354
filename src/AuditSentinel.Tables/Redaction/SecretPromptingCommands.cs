namespace AuditSentinel.Tables.Redaction;

/// <summary>
/// How many secrets a command line will ask for at the terminal, judged from its words: <c>passwd</c> asks for up to
/// three (current, new, again) unless it only locks, unlocks, deletes, expires or shows; <c>sudo</c> one, then what its
/// command asks; <c>su</c>, <c>ssh</c>, <c>kinit</c>, <c>gpg</c> one; <c>mysql -p</c> one; <c>htpasswd</c> and
/// <c>ssh-keygen</c> two unless given the secret or an inspecting option.
/// </summary>
internal static class SecretPromptingCommands
{
    private static readonly char[] Blanks = [' ', '\t'];

    // Leading words that run the next word as the command.
    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal) { "env", "exec", "command", "time", "nohup", "builtin" };

    // sudo options followed by an argument.
    private static readonly HashSet<string> SudoOptionsWithArgument = new(StringComparer.Ordinal) { "-u", "-g", "-p", "-C", "-D", "-h", "-r", "-t", "-T", "-U" };

    /// <summary>The number of prompt answers expected after <paramref name="commandLine"/>; 0 for none.</summary>
    public static int ExpectedAnswers(string commandLine)
    {
        var words = commandLine.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);
        return Count(words, 0);
    }

    private static int Count(string[] words, int first)
    {
        while (first < words.Length && (Wrappers.Contains(words[first]) || words[first].Contains('=', StringComparison.Ordinal)))
        {
            first++;
        }

        if (first >= words.Length)
        {
            return 0;
        }

        var args = words.AsSpan(first + 1);
        switch (Path.GetFileName(words[first]))
        {
            case "sudo" or "doas" or "run0":
                return Has(args, "-n", "--non-interactive") ? 0 : 1 + Count(words, SkipSudoOptions(words, first + 1));
            case "passwd":
                return Has(args, "-l", "--lock", "-u", "--unlock", "-d", "--delete", "-e", "--expire", "-S", "--status", "-n", "-x", "-w", "-i") ? 0 : 3;
            case "su" or "ssh" or "scp" or "sftp" or "kinit" or "gpg" or "gpg2" or "login" or "cryptsetup" or "kpasswd":
                return 1;
            case "mysql" or "mariadb":
                return Has(args, "-p", "--password") ? 1 : 0;
            case "psql":
                return Has(args, "-W", "--password") ? 1 : 0;
            case "htpasswd":
                return Has(args, "-b") ? 0 : 2;
            case "ssh-keygen":
                return Has(args, "-l", "-y", "-F", "-R", "-N") ? 0 : 2;
            case "smbpasswd" or "vncpasswd":
                return 2;
            default:
                return 0;
        }
    }

    private static int SkipSudoOptions(string[] words, int i)
    {
        while (i < words.Length && words[i].StartsWith('-'))
        {
            i += SudoOptionsWithArgument.Contains(words[i]) ? 2 : 1;
        }

        return i;
    }

    private static bool Has(ReadOnlySpan<string> args, params ReadOnlySpan<string> options)
    {
        foreach (var arg in args)
        {
            if (options.Contains(arg))
            {
                return true;
            }
        }

        return false;
    }
}
