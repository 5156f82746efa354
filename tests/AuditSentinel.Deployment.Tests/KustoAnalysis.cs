using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuditSentinel.Deployment.Tests;

/// <summary>
/// What a query returns and which errors it has, from the official Kusto language service
/// (tests/tools/kql-result-columns.js), with the generated tables and parser functions as the database.
/// </summary>
internal sealed record KustoResult(IReadOnlyList<string> Columns, IReadOnlyList<string> Errors)
{
    public static IReadOnlyDictionary<string, KustoResult> Analyze(IEnumerable<(string Id, string Query)> queries)
    {
        var input = new JsonObject
        {
            ["tables"] = JsonNode.Parse(InfraFiles.Read("infra/generated/tables.json"))!["tables"]!.DeepClone(),
            ["functions"] = new JsonArray([.. GeneratedContent.Load("functions.json").Select(fn => (JsonNode)new JsonObject
            {
                ["name"] = fn.Properties["functionAlias"]!.GetValue<string>(),
                ["parameters"] = fn.Properties["functionParameters"]?.GetValue<string>() ?? "",
                ["body"] = fn.Properties["query"]!.GetValue<string>(),
            })]),
            ["queries"] = new JsonArray([.. queries.Select(q => (JsonNode)new JsonObject { ["id"] = q.Id, ["query"] = q.Query })]),
        };

        using var report = NodeTool.Run("kql-result-columns.js", [], input.ToJsonString());
        return report.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => r.GetProperty("id").GetString()!,
            r => new KustoResult(Strings(r.GetProperty("columns")), Strings(r.GetProperty("errors"))),
            StringComparer.Ordinal);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

/// <summary>One object of a generated content file: its stable id and its ARM properties.</summary>
internal sealed record GeneratedContent(string Id, JsonObject Properties)
{
    public static IReadOnlyList<GeneratedContent> Load(string file) =>
    [
        .. JsonNode.Parse(InfraFiles.Read("infra/generated/" + file))!.AsArray().Select(item =>
            new GeneratedContent(item!["id"]!.GetValue<string>(), item["properties"]!.AsObject())),
    ];
}
