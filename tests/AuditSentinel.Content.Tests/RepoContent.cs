using AuditSentinel.Content;
using AuditSentinel.Content.Build;
using AuditSentinel.Content.Documents;
using AuditSentinel.TestSupport;
using AuditSentinel.TestSupport.Kusto;

namespace AuditSentinel.Content.Tests;

/// <summary>
/// The content under test: kql/ of the repository (whatever rule, hunting and function files it holds, so every
/// file a content author adds is validated), the validation fixtures under tests/fixtures/content, and one
/// language-service analysis of all their queries.
/// </summary>
internal static class RepoContent
{
    private static readonly Lazy<ContentSet> KqlLazy = new(() => ContentSet.Load(Path.Combine(RepoPaths.Root, "kql")));
    private static readonly Lazy<ContentSet> FixturesLazy = new(() => ContentSet.Load(RepoPaths.Fixture("content", "kql")));
    private static readonly Lazy<IReadOnlyDictionary<string, KustoResult>> AnalysisLazy = new(Analyze);

    public static ContentSet Kql => KqlLazy.Value;

    public static ContentSet Fixtures => FixturesLazy.Value;

    /// <summary>Language-service results keyed by content file path.</summary>
    public static IReadOnlyDictionary<string, KustoResult> Analysis => AnalysisLazy.Value;

    public static IEnumerable<ContentFile<AnalyticRuleDocument>> AllRules => Kql.Rules.Concat(Fixtures.Rules);

    public static IReadOnlyList<KustoFunction> Functions =>
    [
        .. Kql.Functions.Select(f => new KustoFunction(f.Document.ParserName!, SavedSearchJson.Parameters(f.Document), f.Document.ParserQuery!)),
    ];

    public static TheoryData<string> Paths(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (var path in paths)
        {
            data.Add(path);
        }

        return data;
    }

    private static IReadOnlyDictionary<string, KustoResult> Analyze()
    {
        var functions = Functions;
        return KustoAnalysis.Analyze(
            functions,
            [
                .. AllRules.Select(r => (r.Path, r.Document.Query!)),
                .. Kql.Hunting.Select(h => (h.Path, h.Document.Query!)),
                .. Kql.Functions.Zip(functions).Select(p => (p.First.Path, KustoAnalysis.BodyAsQuery(p.Second))),
            ]);
    }
}
