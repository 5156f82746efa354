using System.Text.Json.Nodes;

namespace AuditSentinel.Deployment.Tests;

/// <summary>
/// The generated content reaches Sentinel through main.bicep: each file is loaded into the parameter of the loop
/// that deploys it, the loops read exactly the shape `content build` writes, and the automation rule runs the
/// playbook on incidents of the deployed rules.
/// </summary>
public sealed class ContentWiringTests
{
    private static readonly string Main = BicepText.Normalize(InfraFiles.Read("infra/main.bicep"));

    private static readonly string Content = BicepText.Normalize(InfraFiles.Read("infra/modules/sentinel-content.bicep"));

    [Theory]
    [InlineData("analytic-rules.json", "analyticRules")]
    [InlineData("hunting-queries.json", "huntingQueries")]
    [InlineData("functions.json", "parserFunctions")]
    public void Each_generated_file_is_passed_whole_to_the_content_module(string file, string variable)
    {
        Assert.Contains($"var {variable} = loadJsonContent('generated/{file}')", Main, StringComparison.Ordinal);
        Assert.Contains($"{variable}: {variable}", BicepText.Declaration(Main, "module sentinelContent"), StringComparison.Ordinal);
        Assert.Contains($"param {variable} object[]", Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analytic-rules.json")]
    [InlineData("hunting-queries.json")]
    [InlineData("functions.json")]
    public void Every_generated_item_has_exactly_the_id_and_properties_the_loops_read(string file)
    {
        // Anything else in an item would be dropped silently by the loop.
        foreach (var item in JsonNode.Parse(InfraFiles.Read("infra/generated/" + file))!.AsArray())
        {
            Assert.Equal(["id", "properties"], item!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.IsType<JsonObject>(item["properties"]);
        }
    }

    [Fact]
    public void Rules_are_scheduled_alert_rules_named_by_their_guid_and_saved_searches_by_their_id()
    {
        Assert.Contains(
            "resource rules 'Microsoft.SecurityInsights/alertRules@2024-09-01' = [ for rule in analyticRules: { scope: workspace name: rule.id kind: 'Scheduled' properties: rule.properties",
            Content,
            StringComparison.Ordinal);
        Assert.Contains(
            "resource functions 'Microsoft.OperationalInsights/workspaces/savedSearches@2020-08-01' = [ for fn in parserFunctions: { parent: workspace name: fn.id properties: fn.properties }",
            Content,
            StringComparison.Ordinal);
        Assert.Contains(
            "resource hunting 'Microsoft.OperationalInsights/workspaces/savedSearches@2020-08-01' = [ for query in huntingQueries: { parent: workspace name: query.id properties: query.properties dependsOn: [ functions ]",
            Content,
            StringComparison.Ordinal);
        // Sentinel validates a rule's query on creation: the parser functions it calls must exist first.
        Assert.Contains("properties: rule.properties dependsOn: [ functions ]", Content, StringComparison.Ordinal);
        Assert.All(GeneratedContent.Load("analytic-rules.json"), rule => Assert.True(Guid.TryParse(rule.Id, out _), $"rule id {rule.Id} is not a GUID"));
    }

    [Fact]
    public void The_automation_rule_runs_the_playbook_on_incidents_of_the_deployed_rules()
    {
        Assert.Contains("output analyticRuleIds string[] = [for (rule, i) in analyticRules: rules[i].id]", Content, StringComparison.Ordinal);
        var wiring = BicepText.Declaration(Main, "module automationRule");
        Assert.Contains("playbookResourceId: playbook!.outputs.id", wiring, StringComparison.Ordinal);
        Assert.Contains("analyticRuleIds: sentinelContent!.outputs.analyticRuleIds", wiring, StringComparison.Ordinal);
        // It may only run the playbook once Sentinel's service principal holds Automation Contributor on it.
        Assert.Contains("dependsOn: [ sentinelAutomationRole ]", wiring, StringComparison.Ordinal);

        var rule = BicepText.Normalize(InfraFiles.Read("infra/modules/automation-rule.bicep"));
        Assert.Contains("triggersOn: 'Incidents' triggersWhen: 'Created'", rule, StringComparison.Ordinal);
        Assert.Contains(
            "propertyName: 'IncidentRelatedAnalyticRuleIds' operator: 'Contains' propertyValues: analyticRuleIds",
            rule,
            StringComparison.Ordinal);
        Assert.Contains(
            "actionType: 'RunPlaybook' actionConfiguration: { logicAppResourceId: playbookResourceId tenantId: tenant().tenantId }",
            rule,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_playbook_gets_the_workflow_definition_from_its_json()
    {
        Assert.Contains("var playbookWorkflow = loadJsonContent('playbooks/session-timeline/workflow.json')", Main, StringComparison.Ordinal);
        Assert.Contains("definition: any(playbookWorkflow).?definition ?? playbookWorkflow", BicepText.Declaration(Main, "module playbook"), StringComparison.Ordinal);
        // The file is a bare workflow definition (triggers and actions at its top), which is what the fallback passes.
        var workflow = JsonNode.Parse(InfraFiles.Read("infra/playbooks/session-timeline/workflow.json"))!.AsObject();
        Assert.True(workflow.ContainsKey("triggers") && workflow.ContainsKey("actions"));
    }
}
