using System.Text.RegularExpressions;
using AuditSentinel.Content.Documents;

namespace AuditSentinel.Content.Validation;

/// <summary>Structural checks of a workspace function; ASIM parsers also follow the ASIM naming and parameter rules.</summary>
public static partial class FunctionValidator
{
    private static readonly string[] ParameterTypes = ["string", "datetime", "dynamic", "bool", "long", "int", "real", "timespan", "guid"];

    /// <summary>Adds the problems of <paramref name="function"/> to <paramref name="problems"/>.</summary>
    public static void Validate(ContentFile<FunctionDocument> function, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(function);
        var report = new ProblemReport(function.Path, problems);
        var document = function.Document;
        if (report.Require(document.ParserName, "ParserName") && !Identifier().IsMatch(document.ParserName!))
        {
            report.Add($"ParserName '{document.ParserName}' is not a KQL identifier");
        }

        report.Require(document.Parser?.Title, "Parser.Title");
        report.Require(document.Parser?.Version, "Parser.Version");
        report.Require(document.Description, "Description");
        report.Require(document.ParserQuery, "ParserQuery");
        var parameters = document.ParserParams ?? [];
        foreach (var parameter in parameters)
        {
            if (report.Require(parameter.Name, "ParserParams.Name") && !Identifier().IsMatch(parameter.Name!))
            {
                report.Add($"parameter '{parameter.Name}' is not a KQL identifier");
            }

            if (report.Require(parameter.Type, $"parameter {parameter.Name} Type") && !ParameterTypes.Contains(parameter.Type, StringComparer.Ordinal))
            {
                report.Add($"parameter {parameter.Name} has type '{parameter.Type}', not one of {string.Join(", ", ParameterTypes)}");
            }

            report.Require(parameter.Default, $"parameter {parameter.Name} Default (callers may leave any parameter out)");
        }

        if (parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != parameters.Count)
        {
            report.Add("a parameter is declared twice");
        }

        if (document.Normalization is not null)
        {
            Asim(report, document);
        }
    }

    private static void Asim(ProblemReport report, FunctionDocument document)
    {
        if (!report.Require(document.Normalization!.Schema, "Normalization.Schema") || !report.Require(document.Normalization.Version, "Normalization.Version"))
        {
            return;
        }

        if (!AsimSchemas.ByName.TryGetValue(document.Normalization.Schema!, out var schema))
        {
            report.Add($"ASIM schema '{document.Normalization.Schema}' is not one we implement ({string.Join(", ", AsimSchemas.ByName.Keys)})");
            return;
        }

        var name = document.ParserName ?? "";
        var filtering = name.StartsWith("vim", StringComparison.Ordinal);
        var prefix = filtering ? "vim" : "ASim";
        if (!schema.NameStems.Any(stem => name.StartsWith(prefix + stem, StringComparison.Ordinal) && name.Length > prefix.Length + stem.Length))
        {
            report.Add($"ASIM parser '{name}' must be named vim<schema><Vendor><Product> (filtering) or ASim<schema><Vendor><Product>, with schema one of {string.Join(", ", schema.NameStems)}");
        }

        var declared = (document.ParserParams ?? []).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var expected = filtering ? schema.FilteringParameters : ["disabled"];
        foreach (var missing in expected.Where(p => !declared.Contains(p)))
        {
            report.Add($"ASIM {(filtering ? "filtering" : "parameter-less")} parser lacks the standard parameter {missing}");
        }

        report.Require(document.EquivalentParserName, "EquivalentParserName (the vim/ASim twin)");
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Identifier();
}
