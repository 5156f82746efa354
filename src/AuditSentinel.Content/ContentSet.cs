using AuditSentinel.Content.Documents;
using AuditSentinel.Content.Loading;

namespace AuditSentinel.Content;

/// <summary>Everything under kql/: analytic rules, hunting queries and functions (parsers and ASIM), in file order.</summary>
public sealed class ContentSet
{
    private ContentSet(
        IReadOnlyList<ContentFile<AnalyticRuleDocument>> rules,
        IReadOnlyList<ContentFile<HuntingQueryDocument>> hunting,
        IReadOnlyList<ContentFile<FunctionDocument>> functions,
        IReadOnlyList<ContentProblem> loadProblems)
    {
        Rules = rules;
        Hunting = hunting;
        Functions = functions;
        LoadProblems = loadProblems;
    }

    /// <summary>The analytic rules (kql/analytic-rules).</summary>
    public IReadOnlyList<ContentFile<AnalyticRuleDocument>> Rules { get; }

    /// <summary>The hunting queries (kql/hunting).</summary>
    public IReadOnlyList<ContentFile<HuntingQueryDocument>> Hunting { get; }

    /// <summary>The functions: parsers (kql/parsers) then ASIM parsers (kql/asim).</summary>
    public IReadOnlyList<ContentFile<FunctionDocument>> Functions { get; }

    /// <summary>Files that could not be read as content (syntax, unknown keys, not YAML).</summary>
    public IReadOnlyList<ContentProblem> LoadProblems { get; }

    /// <summary>Reads the content of <paramref name="kqlDirectory"/>; paths are reported relative to its parent (the repository).</summary>
    public static ContentSet Load(string kqlDirectory)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(kqlDirectory).TrimEnd(Path.DirectorySeparatorChar))!;
        var problems = new List<ContentProblem>();
        var camel = YamlContentReader.CamelCase;
        var pascal = YamlContentReader.PascalCase;
        return new ContentSet(
            camel.ReadFolder<AnalyticRuleDocument>(root, Path.Combine(kqlDirectory, ContentFolders.AnalyticRules), problems),
            camel.ReadFolder<HuntingQueryDocument>(root, Path.Combine(kqlDirectory, ContentFolders.Hunting), problems),
            [
                .. pascal.ReadFolder<FunctionDocument>(root, Path.Combine(kqlDirectory, ContentFolders.Parsers), problems),
                .. pascal.ReadFolder<FunctionDocument>(root, Path.Combine(kqlDirectory, ContentFolders.Asim), problems),
            ],
            problems);
    }
}
