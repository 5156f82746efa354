using System.Text.Json.Nodes;
using AuditSentinel.Content.Validation;

namespace AuditSentinel.Content.Build;

/// <summary>
/// Builds what the deployment loads from kql/: analytic-rules.json, hunting-queries.json and functions.json (items
/// <c>{ id, properties }</c>, in file order) and the detection catalogue. Nothing is written when the content has
/// problems.
/// </summary>
public static class ContentBuild
{
    /// <summary>The analytic rules file main.bicep loads.</summary>
    public const string AnalyticRulesFileName = "analytic-rules.json";

    /// <summary>The hunting queries file main.bicep loads.</summary>
    public const string HuntingQueriesFileName = "hunting-queries.json";

    /// <summary>The functions file main.bicep loads.</summary>
    public const string FunctionsFileName = "functions.json";

    /// <summary>The generated files by name, or the problems that stop the build.</summary>
    public static ContentBuildResult Render(ContentSet content)
    {
        var problems = ContentValidator.Validate(content);
        if (problems.Count > 0)
        {
            return new ContentBuildResult(new Dictionary<string, byte[]>(StringComparer.Ordinal), problems);
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [AnalyticRulesFileName] = Items(content.Rules, r => r.Id!, AlertRuleJson.Create),
            [HuntingQueriesFileName] = Items(content.Hunting, h => h.Id!, SavedSearchJson.Hunting),
            [FunctionsFileName] = Items(content.Functions, f => f.ParserName!, SavedSearchJson.Function),
        };
        return new ContentBuildResult(files, problems);
    }

    /// <summary>Builds <paramref name="content"/> into <paramref name="outputDirectory"/> and the catalogue into <paramref name="cataloguePath"/>.</summary>
    /// <returns>The problems; when there are any, nothing was written.</returns>
    public static IReadOnlyList<ContentProblem> Write(ContentSet content, string outputDirectory, string cataloguePath)
    {
        var result = Render(content);
        if (result.Problems.Count > 0)
        {
            return result.Problems;
        }

        Directory.CreateDirectory(outputDirectory);
        foreach (var (name, bytes) in result.Files)
        {
            File.WriteAllBytes(Path.Combine(outputDirectory, name), bytes);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cataloguePath))!);
        File.WriteAllText(cataloguePath, DetectionCatalogue.Render(content));
        return result.Problems;
    }

    private static byte[] Items<T>(IEnumerable<ContentFile<T>> files, Func<T, string> id, Func<T, JsonObject> properties)
        where T : class =>
        ArmJson.Render(new JsonArray([.. files.Select(f => (JsonNode)ArmJson.Item(id(f.Document), properties(f.Document)))]));
}

/// <summary>The generated files by file name (empty when there are problems) and the problems found.</summary>
public sealed record ContentBuildResult(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<ContentProblem> Problems);
