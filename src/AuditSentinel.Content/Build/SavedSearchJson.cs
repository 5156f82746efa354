using System.Text.Json.Nodes;
using AuditSentinel.Content.Documents;

namespace AuditSentinel.Content.Build;

/// <summary>Hunting queries and functions as the properties of <c>Microsoft.OperationalInsights/workspaces/savedSearches</c>.</summary>
public static class SavedSearchJson
{
    /// <summary>The category Sentinel lists hunting queries under.</summary>
    public const string HuntingCategory = "Hunting Queries";

    /// <summary>The category of our parser functions.</summary>
    public const string ParserCategory = "audit-sentinel";

    /// <summary>The category of ASIM parsers.</summary>
    public const string AsimCategory = "ASIM";

    // savedSearches version 2 is the one Sentinel's own content uses for hunting queries and functions.
    private const int SavedSearchVersion = 2;

    /// <summary>A hunting query as saved search properties (category, name, query, tags for description, tactics, techniques).</summary>
    public static JsonObject Hunting(HuntingQueryDocument query) => new()
    {
        ["category"] = HuntingCategory,
        ["displayName"] = query.Name,
        ["query"] = query.Query!.Trim(),
        ["version"] = SavedSearchVersion,
        ["tags"] = new JsonArray(
            Tag("description", query.Description!.Trim()),
            Tag("tactics", string.Join(",", query.Tactics!)),
            Tag("techniques", string.Join(",", query.RelevantTechniques!))),
    };

    /// <summary>A function as saved search properties with its alias and parameter declaration.</summary>
    public static JsonObject Function(FunctionDocument function) => new()
    {
        ["category"] = function.Normalization is null ? ParserCategory : AsimCategory,
        ["displayName"] = function.Parser!.Title,
        ["functionAlias"] = function.ParserName,
        ["functionParameters"] = Parameters(function),
        ["query"] = function.ParserQuery!.Trim(),
        ["version"] = SavedSearchVersion,
    };

    /// <summary>The declaration Log Analytics stores: <c>name:type=default, ...</c>.</summary>
    public static string Parameters(FunctionDocument function) =>
        string.Join(", ", (function.ParserParams ?? []).Select(p => $"{p.Name}:{p.Type}={p.Default}"));

    private static JsonObject Tag(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
