using AuditSentinel.Content.Documents;

namespace AuditSentinel.Content.Validation;

/// <summary>Structural checks of a hunting query.</summary>
public static class HuntingQueryValidator
{
    /// <summary>A saved search's query limit is far above any hunting query; this keeps them reviewable.</summary>
    public const int MaxQueryLength = 10_000;

    /// <summary>Adds the problems of <paramref name="query"/> to <paramref name="problems"/>.</summary>
    public static void Validate(ContentFile<HuntingQueryDocument> query, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(query);
        var report = new ProblemReport(query.Path, problems);
        var document = query.Document;
        SharedChecks.Id(report, document.Id);
        report.Require(document.Name, "name");
        report.Require(document.Description, "description");
        SharedChecks.DataConnectors(report, document.RequiredDataConnectors);
        SharedChecks.Attack(report, document.Tactics, document.RelevantTechniques);
        SharedChecks.Query(report, document.Query, MaxQueryLength);
        SharedChecks.EntityMappings(report, document.EntityMappings, required: false);
        SharedChecks.Version(report, document.Version);
    }
}
