using AuditSentinel.TestSupport;

namespace AuditSentinel.Deployment.Tests;

/// <summary>The deployment files of the repository: infra/, the GitHub workflows and azure.yaml.</summary>
internal static class InfraFiles
{
    public static string Infra => Path.Combine(RepoPaths.Root, "infra");

    public static string Workflows => Path.Combine(RepoPaths.Root, ".github", "workflows");

    /// <summary>Every .bicep file under infra/, as paths relative to the repository root.</summary>
    public static IReadOnlyList<string> Bicep { get; } = Find(Infra, "*.bicep");

    /// <summary>Every .bicepparam file under infra/.</summary>
    public static IReadOnlyList<string> BicepParams { get; } = Find(Infra, "*.bicepparam");

    /// <summary>Every file a secret could hide in: infra/ (all files), the workflows and azure.yaml.</summary>
    public static IReadOnlyList<string> Deployable { get; } =
        [.. Find(Infra, "*"), .. Find(Workflows, "*.yml"), "azure.yaml"];

    public static string Read(string relativePath) => File.ReadAllText(Full(relativePath));

    public static string Full(string relativePath) => Path.Combine(RepoPaths.Root, relativePath);

    public static TheoryData<string> AsTheoryData(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (var path in paths)
        {
            data.Add(path);
        }

        return data;
    }

    private static string[] Find(string directory, string pattern) =>
    [
        .. Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];
}
