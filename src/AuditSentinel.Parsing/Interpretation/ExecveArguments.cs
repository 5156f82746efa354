namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// The argv of one execve, put together from the EXECVE records of its event. Arguments the log lost (a missing
/// <c>aN</c>, a missing <c>aN[k]</c> chunk, a length that does not add up) are reported in <see cref="Problems"/>,
/// never invented: a lost argument is null in <see cref="Arguments"/>.
/// </summary>
public sealed class ExecveArguments
{
    internal ExecveArguments(IReadOnlyList<string?> arguments, int? declaredCount, IReadOnlyList<string> problems)
    {
        Arguments = arguments;
        DeclaredCount = declaredCount;
        Problems = problems;
    }

    /// <summary>argv in order, decoded (hex and chunks) as UTF-8; null where an argument is missing from the log.</summary>
    public IReadOnlyList<string?> Arguments { get; }

    /// <summary>The kernel's <c>argc=</c>, when a record carried it.</summary>
    public int? DeclaredCount { get; }

    /// <summary>What is missing or inconsistent, one sentence each; empty for a whole argv.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>True when every argument is present and whole.</summary>
    public bool IsComplete => Problems.Count == 0;

    /// <summary>argv as one POSIX shell command line an analyst can paste; a missing argument shows as <c>&lt;missing&gt;</c>.</summary>
    public string CommandLine => ShellQuoting.Join(Arguments);
}
