using System.Text.RegularExpressions;
using AuditSentinel.Content.Documents;

namespace AuditSentinel.Content.Validation;

/// <summary>
/// Structural checks of a scheduled analytic rule against what the alertRules API and this deployment accept. The
/// columns the rule maps are checked against the query's result columns by <see cref="ResultColumnCheck"/>.
/// </summary>
public static partial class AnalyticRuleValidator
{
    /// <summary>The longest query a scheduled rule takes.</summary>
    public const int MaxQueryLength = 10_000;

    /// <summary>Custom details one rule may hold.</summary>
    public const int MaxCustomDetails = 20;

    private static readonly TimeSpan MinQueryInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxQueryInterval = TimeSpan.FromDays(14);
    private static readonly TimeSpan MaxSuppression = TimeSpan.FromDays(1);
    private static readonly TimeSpan MaxGroupingLookback = TimeSpan.FromDays(7);

    private static readonly string[] Severities = ["Informational", "Low", "Medium", "High"];
    private static readonly string[] AggregationKinds = ["SingleAlert", "AlertPerResult"];
    private static readonly string[] MatchingMethods = ["AllEntities", "AnyAlert", "Selected"];
    private static readonly string[] AlertDetails = ["DisplayName", "Severity"];

    private static readonly string[] DynamicProperties =
        ["AlertLink", "ConfidenceLevel", "ConfidenceScore", "ExtendedLinks", "ProductComponentName", "ProductName", "ProviderName", "RemediationSteps", "Techniques", "SubTechniques"];

    /// <summary>The API's trigger operators by the YAML spelling.</summary>
    public static IReadOnlyDictionary<string, string> TriggerOperators { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["gt"] = "GreaterThan",
        ["lt"] = "LessThan",
        ["eq"] = "Equal",
        ["ne"] = "NotEqual",
    };

    /// <summary>Adds the problems of <paramref name="rule"/> to <paramref name="problems"/>.</summary>
    public static void Validate(ContentFile<AnalyticRuleDocument> rule, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var report = new ProblemReport(rule.Path, problems);
        var document = rule.Document;
        SharedChecks.Id(report, document.Id);
        report.Require(document.Name, "name");
        if (report.Require(document.Description, "description"))
        {
            DescriptionSectionsPresent(report, document.Description);
        }

        OneOf(report, document.Severity, "severity", Severities);
        SharedChecks.DataConnectors(report, document.RequiredDataConnectors);
        Schedule(report, document);
        SharedChecks.Attack(report, document.Tactics, document.RelevantTechniques);
        SharedChecks.Query(report, document.Query, MaxQueryLength);
        SharedChecks.EntityMappings(report, document.EntityMappings, required: true);
        CustomDetails(report, document.CustomDetails);
        AlertDetailsOverride(report, document.AlertDetailsOverride);
        Incidents(report, document);
        OneOf(report, document.EventGroupingSettings?.AggregationKind, "eventGroupingSettings.aggregationKind", AggregationKinds);
        SharedChecks.Version(report, document.Version);
        if (!string.Equals(document.Kind, "Scheduled", StringComparison.Ordinal))
        {
            report.Add($"kind is '{document.Kind}'; the deployment creates Scheduled rules only");
        }
    }

    // The catalogue's data and tuning columns come from these sections; a rule without them deploys blind spots.
    private static void DescriptionSectionsPresent(ProblemReport report, string? description)
    {
        if (DescriptionSections.Needs(description) is null)
        {
            report.Add("description has no 'Needs:' section (the audit rules, PAM or pam_tty_audit records the rule depends on)");
        }

        if (DescriptionSections.Tuning(description) is null)
        {
            report.Add("description has no 'Tuning:' section (what to change when the rule is noisy)");
        }
    }

    private static void Schedule(ProblemReport report, AnalyticRuleDocument rule)
    {
        var frequency = Duration(report, rule.QueryFrequency, "queryFrequency", MinQueryInterval, MaxQueryInterval);
        var period = Duration(report, rule.QueryPeriod, "queryPeriod", MinQueryInterval, MaxQueryInterval);
        if (frequency is { } f && period is { } p && p < f)
        {
            report.Add($"queryPeriod {rule.QueryPeriod} is shorter than queryFrequency {rule.QueryFrequency}: events between runs would never be queried");
        }

        if (rule.SuppressionDuration is not null)
        {
            Duration(report, rule.SuppressionDuration, "suppressionDuration", MinQueryInterval, MaxSuppression);
        }

        OneOf(report, rule.TriggerOperator, "triggerOperator", [.. TriggerOperators.Keys]);
        if (rule.TriggerThreshold is not (>= 0 and <= 10_000))
        {
            report.Add("triggerThreshold is required: a whole number from 0 to 10000");
        }
    }

    private static void CustomDetails(ProblemReport report, IReadOnlyDictionary<string, string>? details)
    {
        if (details is null)
        {
            return;
        }

        if (details.Count > MaxCustomDetails)
        {
            report.Add($"{details.Count} custom details; at most {MaxCustomDetails} are allowed");
        }

        foreach (var key in details.Keys.Where(k => !DetailKey().IsMatch(k)))
        {
            report.Add($"custom detail key '{key}' must start with a letter and hold only letters, digits and _");
        }
    }

    private static void AlertDetailsOverride(ProblemReport report, AlertDetailsOverrideDocument? details)
    {
        foreach (var property in details?.AlertDynamicProperties ?? [])
        {
            OneOf(report, property.AlertProperty, "alertDynamicProperties.alertProperty", DynamicProperties);
            report.Require(property.Value, $"alertDynamicProperties {property.AlertProperty} value");
        }
    }

    private static void Incidents(ProblemReport report, AnalyticRuleDocument rule)
    {
        if (rule.IncidentConfiguration?.CreateIncident is null)
        {
            report.Add("incidentConfiguration.createIncident is required");
            return;
        }

        var grouping = rule.IncidentConfiguration.GroupingConfiguration;
        if (grouping is not { Enabled: true })
        {
            return;
        }

        Duration(report, grouping.LookbackDuration, "groupingConfiguration.lookbackDuration", MinQueryInterval, MaxGroupingLookback);
        OneOf(report, grouping.MatchingMethod, "groupingConfiguration.matchingMethod", MatchingMethods);
        if (!string.Equals(grouping.MatchingMethod, "Selected", StringComparison.Ordinal))
        {
            return;
        }

        var mapped = (rule.EntityMappings ?? []).Select(m => m.EntityType).ToHashSet(StringComparer.Ordinal);
        var details = rule.CustomDetails ?? new Dictionary<string, string>(StringComparer.Ordinal);
        if ((grouping.GroupByEntities?.Count ?? 0) + (grouping.GroupByAlertDetails?.Count ?? 0) + (grouping.GroupByCustomDetails?.Count ?? 0) == 0)
        {
            report.Add("matchingMethod Selected groups by nothing: list groupByEntities, groupByAlertDetails or groupByCustomDetails");
        }

        foreach (var entity in (grouping.GroupByEntities ?? []).Where(e => !mapped.Contains(e)))
        {
            report.Add($"groupByEntities names {entity}, which the rule does not map");
        }

        foreach (var detail in grouping.GroupByAlertDetails ?? [])
        {
            OneOf(report, detail, "groupByAlertDetails", AlertDetails);
        }

        foreach (var key in (grouping.GroupByCustomDetails ?? []).Where(k => !details.ContainsKey(k)))
        {
            report.Add($"groupByCustomDetails names {key}, which is not a custom detail of the rule");
        }
    }

    private static TimeSpan? Duration(ProblemReport report, string? text, string name, TimeSpan min, TimeSpan max)
    {
        if (!report.Require(text, name))
        {
            return null;
        }

        if (!Iso8601Duration.TryParse(text, out var duration))
        {
            report.Add($"{name} '{text}' is not an ISO 8601 duration such as PT5M, PT1H or P1D");
            return null;
        }

        if (duration < min || duration > max)
        {
            report.Add($"{name} {text} is outside {min:g} to {max:g}");
        }

        return duration;
    }

    private static void OneOf(ProblemReport report, string? value, string name, string[] allowed)
    {
        if (report.Require(value, name) && !allowed.Contains(value, StringComparer.Ordinal))
        {
            report.Add($"{name} '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DetailKey();
}
