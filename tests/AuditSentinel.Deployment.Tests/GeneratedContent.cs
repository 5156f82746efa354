using System.Text.Json.Nodes;
using AuditSentinel.TestSupport.Kusto;

namespace AuditSentinel.Deployment.Tests;

/// <summary>One object of a generated content file: its stable id and its ARM properties.</summary>
internal sealed record GeneratedContent(string Id, JsonObject Properties)
{
    public static IReadOnlyList<GeneratedContent> Load(string file) =>
    [
        .. JsonNode.Parse(InfraFiles.Read("infra/generated/" + file))!.AsArray().Select(item =>
            new GeneratedContent(item!["id"]!.GetValue<string>(), item["properties"]!.AsObject())),
    ];

    /// <summary>The deployed functions (functions.json) as the language service's database functions.</summary>
    public static IReadOnlyList<KustoFunction> Functions() =>
    [
        .. Load("functions.json").Select(fn => new KustoFunction(
            fn.Properties["functionAlias"]!.GetValue<string>(),
            fn.Properties["functionParameters"]?.GetValue<string>() ?? "",
            fn.Properties["query"]!.GetValue<string>())),
    ];
}
