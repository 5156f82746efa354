using AuditSentinel.TestSupport;

namespace AuditSentinel.Deployment.Tests;

/// <summary>
/// Runs tests/tools/parse-bicep.js (tree-sitter-bicep from npm) over files and returns the ERROR and MISSING
/// nodes it found per file. This is the local syntax gate: no Bicep compiler runs on this machine (CI runs
/// `az bicep build` and `az bicep lint`).
/// </summary>
internal static class TreeSitterBicep
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> InfraResults =
        new(() => Parse([.. InfraFiles.Bicep, .. InfraFiles.BicepParams]));

    /// <summary>Parse errors of every infra/ .bicep and .bicepparam file, parsed in one node run.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Infra => InfraResults.Value;

    /// <summary>Parses the files (paths relative to the repository root) and returns each file's errors, rendered.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(IReadOnlyList<string> relativePaths)
    {
        using var report = NodeTool.Run("parse-bicep.js", relativePaths);
        var results = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var file in report.RootElement.GetProperty("files").EnumerateArray())
        {
            results[file.GetProperty("path").GetString()!] =
            [
                .. file.GetProperty("errors").EnumerateArray().Select(e =>
                    $"{e.GetProperty("kind").GetString()} {e.GetProperty("row").GetInt32()}:{e.GetProperty("column").GetInt32()} '{e.GetProperty("text").GetString()}'"),
            ];
        }

        return results;
    }
}
