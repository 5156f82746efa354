using System.CommandLine;
using AuditSentinel.Content;
using AuditSentinel.Content.Build;
using AuditSentinel.Content.Validation;

namespace AuditSentinel.Cli.Commands;

/// <summary>
/// <c>audit-sentinel content build|validate</c>: the detection content of kql/ validated and built into the JSON the
/// Bicep deployment loads, plus the detection catalogue. The KQL itself is checked by the test suite with the Kusto
/// language service (tests/tools), which needs Node; these commands need nothing but the repository.
/// </summary>
internal static class ContentCommand
{
    internal static Command Create()
    {
        var kql = new Option<DirectoryInfo>("--kql") { Description = "The content folder (analytic-rules, hunting, parsers, asim).", DefaultValueFactory = _ => new DirectoryInfo("kql") };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write analytic-rules.json, hunting-queries.json and functions.json to.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("infra", "generated")) };
        var catalogue = new Option<FileInfo>("--catalogue") { Description = "The detection catalogue to write.", DefaultValueFactory = _ => new FileInfo(Path.Combine("docs", "detections.md")) };

        var build = new Command("build", "Validate kql/ and write the generated content and the catalogue; nothing is written when a file has a problem.") { kql, output, catalogue };
        build.SetAction(result =>
        {
            var content = ContentSet.Load(ContentFolder(result.GetValue(kql)!));
            var outputDirectory = result.GetValue(output)!.FullName;
            var problems = ContentBuild.Write(content, outputDirectory, result.GetValue(catalogue)!.FullName);
            if (Report(problems))
            {
                return 1;
            }

            Console.WriteLine($"{content.Rules.Count} analytic rules, {content.Hunting.Count} hunting queries, {content.Functions.Count} functions -> {outputDirectory}");
            return 0;
        });

        var validate = new Command("validate", "Validate kql/ (structure, ATT&CK ids, durations, entity identifiers, cross-file ids) without writing anything.") { kql };
        validate.SetAction(result =>
        {
            var content = ContentSet.Load(ContentFolder(result.GetValue(kql)!));
            if (Report(ContentValidator.Validate(content)))
            {
                return 1;
            }

            Console.WriteLine($"{content.Rules.Count} analytic rules, {content.Hunting.Count} hunting queries, {content.Functions.Count} functions: valid");
            return 0;
        });

        return new Command("content", "Detection content: analytic rules, hunting queries, parser and ASIM functions.") { build, validate };
    }

    /// <summary>A content folder that is not there is a mistake on the command line, not an empty (valid) content set.</summary>
    private static string ContentFolder(DirectoryInfo folder) =>
        folder.Exists ? folder.FullName : throw new UsageException($"No such content folder: {folder.FullName}");

    private static bool Report(IReadOnlyList<ContentProblem> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"{problems.Count} problem(s); nothing was written.");
        }

        return problems.Count > 0;
    }
}
