namespace AuditSentinel.Content.Validation;

/// <summary>Collects the problems of one file.</summary>
internal sealed class ProblemReport(string file, ICollection<ContentProblem> problems)
{
    public string File { get; } = file;

    public void Add(string message) => problems.Add(new ContentProblem(File, message));

    /// <summary>Reports <paramref name="name"/> as missing when <paramref name="value"/> is null or blank; true when present.</summary>
    public bool Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add($"{name} is required");
            return false;
        }

        return true;
    }
}
