using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuditSentinel.TestSupport.Kusto;

/// <summary>A workspace function as the language service sees it: alias, parameter declaration (<c>a:string='x', ...</c>) and body.</summary>
public sealed record KustoFunction(string Name, string Parameters, string Body);

/// <summary>What a query returns and which errors it has.</summary>
public sealed record KustoResult(IReadOnlyList<string> Columns, IReadOnlyList<string> Errors);

/// <summary>
/// Analyses KQL with the official Kusto language service (tests/tools/kql-result-columns.js): the database holds
/// our tables (infra/generated/tables.json, as `audit-sentinel schema` writes them) and the given functions.
/// </summary>
public static class KustoAnalysis
{
    /// <summary>
    /// Parses and semantically analyses each query; the results are keyed by the query's id. <paramref name="otherTables"/>
    /// adds tables that are not ours (e.g. Sentinel's SecurityAlert), each with the columns the queries use.
    /// </summary>
    public static IReadOnlyDictionary<string, KustoResult> Analyze(
        IEnumerable<KustoFunction> functions,
        IEnumerable<(string Id, string Query)> queries,
        IEnumerable<(string Name, IReadOnlyList<(string Name, string Type)> Columns)>? otherTables = null)
    {
        var tables = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "generated", "tables.json")))!["tables"]!.AsArray();
        foreach (var (name, columns) in otherTables ?? [])
        {
            tables.Add(new JsonObject
            {
                ["name"] = name,
                ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type })]),
            });
        }

        var input = new JsonObject
        {
            ["tables"] = tables.DeepClone(),
            ["functions"] = new JsonArray([.. functions.Select(fn => (JsonNode)new JsonObject
            {
                ["name"] = fn.Name,
                ["parameters"] = fn.Parameters,
                ["body"] = fn.Body,
            })]),
            ["queries"] = new JsonArray([.. queries.Select(q => (JsonNode)new JsonObject { ["id"] = q.Id, ["query"] = q.Query })]),
        };

        using var report = NodeTool.Run("kql-result-columns.js", [], input.ToJsonString());
        return report.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => r.GetProperty("id").GetString()!,
            r => new KustoResult(Strings(r.GetProperty("columns")), Strings(r.GetProperty("errors"))),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// A query that runs <paramref name="function"/>'s body as a local function called with its defaults: errors in a
    /// stored function's body are not reported where it is called, so bodies are analysed this way.
    /// </summary>
    public static string BodyAsQuery(KustoFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return $"let {function.Name} = ({function.Parameters}) {{\n{function.Body}\n}};\n{function.Name}()";
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
