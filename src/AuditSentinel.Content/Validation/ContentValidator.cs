namespace AuditSentinel.Content.Validation;

/// <summary>Validates a whole <see cref="ContentSet"/>: every file on its own, then what must hold across files.</summary>
public static class ContentValidator
{
    /// <summary>Every problem of <paramref name="content"/>, load problems first; empty when the content can be built.</summary>
    public static IReadOnlyList<ContentProblem> Validate(ContentSet content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = new List<ContentProblem>(content.LoadProblems);
        foreach (var rule in content.Rules)
        {
            AnalyticRuleValidator.Validate(rule, problems);
            VocabularyLiteralCheck.Validate(rule.Path, rule.Document.Query, problems);
        }

        foreach (var query in content.Hunting)
        {
            HuntingQueryValidator.Validate(query, problems);
            VocabularyLiteralCheck.Validate(query.Path, query.Document.Query, problems);
        }

        foreach (var function in content.Functions)
        {
            FunctionValidator.Validate(function, problems);
            VocabularyLiteralCheck.Validate(function.Path, function.Document.ParserQuery, problems);
        }

        Unique(content.Rules.Select(r => (r.Path, r.Document.Id)).Concat(content.Hunting.Select(h => (h.Path, h.Document.Id))), "id", problems);
        Unique(content.Functions.Select(f => (f.Path, f.Document.ParserName)), "ParserName", problems);
        var names = content.Functions.Select(f => f.Document.ParserName).ToHashSet(StringComparer.Ordinal);
        foreach (var function in content.Functions.Where(f => f.Document.EquivalentParserName is { } twin && !names.Contains(twin)))
        {
            problems.Add(new ContentProblem(function.Path, $"EquivalentParserName {function.Document.EquivalentParserName} is not a function of kql/"));
        }

        return problems;
    }

    private static void Unique(IEnumerable<(string Path, string? Key)> items, string what, List<ContentProblem> problems)
    {
        foreach (var group in items.Where(i => i.Key is not null).GroupBy(i => i.Key!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var (path, _) in group.Skip(1))
            {
                problems.Add(new ContentProblem(path, $"{what} {group.Key} is also used by {group.First().Path}"));
            }
        }
    }
}
