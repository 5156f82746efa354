using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuditSentinel.TestSupport.Kusto;

namespace AuditSentinel.Deployment.Tests;

/// <summary>
/// The session-timeline playbook: on an incident it finds the sessions of the incident's alerts, runs the session
/// timeline for each and posts it as a comment, through the two managed-identity connections playbook.bicep creates.
/// Its queries, with the workflow expressions replaced by sample values, are checked by the Kusto language service.
/// </summary>
public sealed partial class PlaybookTests
{
    private static readonly JsonObject Workflow = JsonNode.Parse(InfraFiles.Read("infra/playbooks/session-timeline/workflow.json"))!.AsObject();

    // The SecurityAlert columns the playbook reads (Microsoft Sentinel's alert table).
    private static readonly (string, IReadOnlyList<(string, string)>)[] SentinelTables =
    [
        ("SecurityAlert", [("TimeGenerated", "datetime"), ("SystemAlertId", "string"), ("ExtendedProperties", "string"), ("Entities", "string")]),
    ];

    [Fact]
    public void It_starts_on_a_sentinel_incident_and_comments_on_that_incident()
    {
        var trigger = Workflow["triggers"]!["Microsoft_Sentinel_incident"]!;
        Assert.Equal("ApiConnectionWebhook", trigger["type"]!.GetValue<string>());
        Assert.Equal("/incident-creation", trigger["inputs"]!["path"]!.GetValue<string>());

        var comment = Action("Comment_on_incident");
        Assert.Equal("/Incidents/Comment", comment["inputs"]!["path"]!.GetValue<string>());
        Assert.Equal("@triggerBody()?['object']?['id']", comment["inputs"]!["body"]!["incidentArmId"]!.GetValue<string>());
        Assert.Contains("@{body('Timeline_table')}", comment["inputs"]!["body"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_connection_it_uses_is_one_the_bicep_module_creates_with_managed_identity()
    {
        var used = ConnectionNames().Matches(InfraFiles.Read("infra/playbooks/session-timeline/workflow.json")).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(new HashSet<string>(StringComparer.Ordinal) { "azuresentinel", "azuremonitorlogs" }, used);
        var module = InfraFiles.Read("infra/modules/playbook.bicep");
        Assert.All(used, name => Assert.Contains($"'{name}'", module, StringComparison.Ordinal));
        Assert.Contains("type: 'ManagedServiceIdentity'", module, StringComparison.Ordinal);
    }

    [Fact]
    public void The_steps_run_in_order_alerts_sessions_timeline_table_comment()
    {
        Assert.Equal("Alert_ids", After("Sessions_of_the_alerts"));
        Assert.Equal("Sessions_of_the_alerts", After("For_each_session"));
        Assert.Equal("Session_timeline", After("Timeline_table"));
        Assert.Equal("Timeline_table", After("Comment_on_incident"));
        Assert.Equal("@body('Sessions_of_the_alerts')?['value']", Action("For_each_session")["foreach"]!.GetValue<string>());
    }

    [Fact]
    public void Its_queries_analyze_without_errors_and_return_what_the_next_step_reads()
    {
        var sessions = Sample(Action("Sessions_of_the_alerts")["inputs"]!["body"]!.GetValue<string>());
        var timeline = Sample(Action("Session_timeline")["inputs"]!["body"]!.GetValue<string>());
        var results = KustoAnalysis.Analyze(GeneratedContent.Functions(), [("sessions", sessions), ("timeline", timeline)], SentinelTables);

        Assert.Empty(results["sessions"].Errors);
        Assert.Equal(["Computer", "Session"], results["sessions"].Columns);
        Assert.Empty(results["timeline"].Errors);
        Assert.Equal(["Time", "Kind", "LoginUser", "ActingUser", "Detail"], results["timeline"].Columns);
    }

    [Fact]
    public void The_analysis_would_catch_a_broken_timeline_query()
    {
        var broken = Sample(Action("Session_timeline")["inputs"]!["body"]!.GetValue<string>()).Replace("LoginUser", "LogonUser", StringComparison.Ordinal);
        Assert.NotEmpty(KustoAnalysis.Analyze(GeneratedContent.Functions(), [("timeline", broken)])["timeline"].Errors);
    }

    private static JsonNode Action(string name) =>
        Workflow["actions"]![name] ?? Workflow["actions"]!["For_each_session"]!["actions"]![name]!;

    private static string After(string name) => Action(name)["runAfter"]!.AsObject().Single().Key;

    // The values a run substitutes: the alert ids array, and one row of the sessions query.
    private static string Sample(string query) => query
        .Replace("@{string(body('Alert_ids'))}", "[\"4f0c1a8e-0000-4000-8000-000000000001\"]", StringComparison.Ordinal)
        .Replace("@{items('For_each_session')?['Computer']}", "vm", StringComparison.Ordinal)
        .Replace("@{items('For_each_session')?['Session']}", "4", StringComparison.Ordinal);

    [GeneratedRegex(@"\$connections'\)\['(?<name>[a-z]+)'\]", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ConnectionNames();
}
