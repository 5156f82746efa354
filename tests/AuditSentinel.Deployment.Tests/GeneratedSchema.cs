using System.Text.Json;

namespace AuditSentinel.Deployment.Tests;

/// <summary>infra/generated/tables.json, as `audit-sentinel schema` writes it.</summary>
internal sealed record GeneratedTable(string Name, IReadOnlyList<(string Name, string Type)> Columns)
{
    public static IReadOnlyList<GeneratedTable> Load()
    {
        using var document = JsonDocument.Parse(InfraFiles.Read("infra/generated/tables.json"));
        return
        [
            .. document.RootElement.GetProperty("tables").EnumerateArray().Select(table => new GeneratedTable(
                table.GetProperty("name").GetString()!,
                [
                    .. table.GetProperty("columns").EnumerateArray().Select(c =>
                        (c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!)),
                ])),
        ];
    }
}
