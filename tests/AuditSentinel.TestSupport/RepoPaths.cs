namespace AuditSentinel.TestSupport;

/// <summary>Locations in the repository, found from the test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding Functions.sln).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>tests/fixtures: the copied real corpora.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>A file below tests/fixtures.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    /// <summary>Every fixture log (<c>*.log</c> below tests/fixtures), relative to it, in ordinal order.</summary>
    public static IEnumerable<string> FixtureLogs() =>
        Directory.EnumerateFiles(Fixtures, "*.log", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Fixtures, file))
            .Order(StringComparer.Ordinal);

    /// <summary>The ssh-intrusion audit.log.</summary>
    public static string SshIntrusionLog => Fixture("ssh-intrusion", "audit.log");

    /// <summary>tests/tools: the npm-installed real components (Azurite, Kusto language service, tree-sitter-bicep).</summary>
    public static string Tools => Path.Combine(Root, "tests", "tools");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
