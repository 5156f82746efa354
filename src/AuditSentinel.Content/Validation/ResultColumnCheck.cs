using System.Text.RegularExpressions;
using AuditSentinel.Content.Documents;

namespace AuditSentinel.Content.Validation;

/// <summary>
/// Checks the columns content refers to against the columns its query returns (as the Kusto language service
/// reports them): entity mappings, custom details and alert detail overrides of rules, entity mappings of hunting
/// queries, the mandatory columns of ASIM parsers. A column the query does not return is silently empty in Sentinel.
/// </summary>
public static partial class ResultColumnCheck
{
    /// <summary>The columns <paramref name="rule"/> refers to, each with where it is referred to.</summary>
    public static IReadOnlyList<(string Where, string Column)> Referenced(AnalyticRuleDocument rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var referenced = new List<(string, string)>(Mapped(rule.EntityMappings));
        referenced.AddRange((rule.CustomDetails ?? new Dictionary<string, string>(StringComparer.Ordinal)).Select(d => ($"customDetails.{d.Key}", d.Value)));
        if (rule.AlertDetailsOverride is { } details)
        {
            referenced.AddRange(Placeholders("alertDisplayNameFormat", details.AlertDisplayNameFormat));
            referenced.AddRange(Placeholders("alertDescriptionFormat", details.AlertDescriptionFormat));
            referenced.AddRange(new[] { ("alertSeverityColumnName", details.AlertSeverityColumnName), ("alertTacticsColumnName", details.AlertTacticsColumnName) }
                .Where(c => c.Item2 is not null).Select(c => (c.Item1, c.Item2!)));
            referenced.AddRange((details.AlertDynamicProperties ?? []).Where(p => p.Value is not null).Select(p => ($"alertDynamicProperties.{p.AlertProperty}", p.Value!)));
        }

        return referenced;
    }

    /// <summary>Adds a problem for every column <paramref name="rule"/> refers to that <paramref name="resultColumns"/> lacks.</summary>
    public static void Validate(ContentFile<AnalyticRuleDocument> rule, IReadOnlyCollection<string> resultColumns, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Report(rule.Path, Referenced(rule.Document), resultColumns, problems);
    }

    /// <summary>Adds a problem for every entity column of <paramref name="query"/> that <paramref name="resultColumns"/> lacks.</summary>
    public static void Validate(ContentFile<HuntingQueryDocument> query, IReadOnlyCollection<string> resultColumns, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(query);
        Report(query.Path, Mapped(query.Document.EntityMappings), resultColumns, problems);
    }

    /// <summary>Adds a problem for every mandatory column of an ASIM parser's schema that <paramref name="resultColumns"/> lacks.</summary>
    public static void Validate(ContentFile<FunctionDocument> function, IReadOnlyCollection<string> resultColumns, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.Document.Normalization?.Schema is { } name && AsimSchemas.ByName.TryGetValue(name, out var schema))
        {
            Report(function.Path, schema.MandatoryColumns.Select(c => ($"ASIM {name} mandatory field", c)), resultColumns, problems);
        }
    }

    private static void Report(string file, IEnumerable<(string Where, string Column)> referenced, IReadOnlyCollection<string> resultColumns, ICollection<ContentProblem> problems)
    {
        var returned = resultColumns.ToHashSet(StringComparer.Ordinal);
        foreach (var (where, column) in referenced.Where(r => !returned.Contains(r.Column)))
        {
            problems.Add(new ContentProblem(file, $"{where} refers to column '{column}', which the query does not return"));
        }
    }

    private static IEnumerable<(string, string)> Mapped(IList<EntityMappingDocument>? mappings) =>
        (mappings ?? []).SelectMany(m => (m.FieldMappings ?? []).Where(f => f.ColumnName is not null)
            .Select(f => ($"entityMappings {m.EntityType}.{f.Identifier}", f.ColumnName!)));

    private static IEnumerable<(string, string)> Placeholders(string where, string? format) =>
        format is null ? [] : Placeholder().Matches(format).Select(m => (where, m.Groups["column"].Value));

    [GeneratedRegex(@"\{\{(?<column>[A-Za-z_][A-Za-z0-9_]*)\}\}", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
