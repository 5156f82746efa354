namespace AuditSentinel.Content;

/// <summary>Something wrong with a content file: the file (relative to the repository) and what is wrong.</summary>
public sealed record ContentProblem(string File, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Message}";
}
