namespace AuditSentinel.Deployment.Tests;

/// <summary>The roles the deployment grants: documented built-in ids, and least privilege per identity.</summary>
public sealed class RoleAssignmentTests
{
    /// <summary>
    /// Built-in role ids from the Azure built-in roles reference
    /// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles), keyed by the Bicep name.
    /// </summary>
    private static readonly Dictionary<string, (string Role, string Id)> Documented = new(StringComparer.Ordinal)
    {
        ["monitoringMetricsPublisher"] = ("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb"),
        ["storageBlobDataReader"] = ("Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"),
        ["storageBlobDataContributor"] = ("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"),
        ["storageBlobDataOwner"] = ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"),
        ["eventHubsDataReceiver"] = ("Azure Event Hubs Data Receiver", "a638d3c7-ab3a-418d-83e6-5f17a39d4fde"),
        ["eventHubsDataSender"] = ("Azure Event Hubs Data Sender", "2b629674-e913-4c01-ae53-ef4638d8f975"),
        ["sentinelAutomationContributor"] = ("Microsoft Sentinel Automation Contributor", "f4c81013-99ee-4d62-a7ee-b3f1f648599a"),
        ["sentinelResponder"] = ("Microsoft Sentinel Responder", "3e150937-b8fe-4cfb-8069-0eaf05ecd056"),
        ["logAnalyticsReader"] = ("Log Analytics Reader", "73c42c96-874c-492b-b04d-ab87d138a893"),
    };

    private static readonly string Main = InfraFiles.Read("infra/main.bicep");

    [Fact]
    public void Role_definition_ids_are_the_documented_ones()
    {
        var declared = Patterns.RoleIdEntry().Matches(InfraFiles.Read("infra/modules/role-definitions.bicep"))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["id"].Value, StringComparer.Ordinal);
        Assert.Equal(Documented.Keys.Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, (role, id)) in Documented)
        {
            Assert.True(string.Equals(id, declared[key], StringComparison.Ordinal), $"{role}: expected {id}, declared {declared[key]}");
        }
    }

    [Fact]
    public void Roles_are_only_referenced_by_name_from_the_documented_table()
    {
        foreach (var path in InfraFiles.Bicep.Where(p => !p.EndsWith("role-definitions.bicep", StringComparison.Ordinal)))
        {
            var text = InfraFiles.Read(path);
            Assert.False(Patterns.LiteralRoleId().IsMatch(text), $"{path} writes a role definition id literally");
            foreach (var key in Patterns.RoleIdReference().Matches(text).Select(m => m.Groups["key"].Value))
            {
                Assert.True(Documented.ContainsKey(key), $"{path} uses undocumented role {key}");
            }
        }
    }

    [Fact]
    public void The_function_app_gets_exactly_the_least_privilege_set()
    {
        var expected = new[]
        {
            "functionDcrRoles: monitoringMetricsPublisher",
            "rawContainerRoles: storageBlobDataReader",
            "deadLetterContainerRoles: storageBlobDataContributor",
            "hostStorageRoles: storageBlobDataOwner",
            "eventHubRoles: eventHubsDataReceiver",
            "appInsightsRoles: monitoringMetricsPublisher",
        };
        Assert.Equal(expected.Order(StringComparer.Ordinal), AssignmentsOf("functionPrincipal").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("rawContainerRoles", "storage-container-roles.bicep", "containerName: containers.raw")]
    [InlineData("deadLetterContainerRoles", "storage-container-roles.bicep", "containerName: containers.deadLetter")]
    [InlineData("hostStorageRoles", "storage-account-roles.bicep", "storageAccountName: hostStorage.outputs.name")]
    [InlineData("functionDcrRoles", "data-collection-rule-roles.bicep", "dataCollectionRuleName: dataCollectionRule.outputs.name")]
    [InlineData("eventHubRoles", "event-hub-roles.bicep", "eventHubName: eventHubs.outputs.eventHubName")]
    [InlineData("sentinelAutomationRole", "resource-group-roles.bicep", "sentinelServicePrincipalObjectId")]
    [InlineData("undeliveredEventsRoles", "storage-container-roles.bicep", "containerName: containers.undeliveredEvents")]
    public void Each_role_lands_on_the_narrowest_scope(string module, string scopeModule, string scopeArgument)
    {
        var declaration = BicepText.Declaration(Main, "module " + module);
        Assert.Contains($"'modules/roles/{scopeModule}'", declaration, StringComparison.Ordinal);
        Assert.Contains(scopeArgument, declaration, StringComparison.Ordinal);
    }

    [Fact]
    public void The_event_grid_topic_may_only_write_undelivered_events()
    {
        Assert.Equal(["undeliveredEventsRoles: storageBlobDataContributor"], AssignmentsOf("systemTopic.outputs.principalId"));
        var subscription = BicepText.Normalize(InfraFiles.Read("infra/modules/blob-created-subscription.bicep"));
        Assert.Contains("deadLetterWithResourceIdentity: { identity: { type: 'SystemAssigned' }", subscription, StringComparison.Ordinal);
        Assert.Contains("blobContainerName: undeliveredEventsContainerName", subscription, StringComparison.Ordinal);
    }

    [Fact]
    public void The_playbook_may_respond_to_incidents_and_read_logs_and_nothing_more()
    {
        Assert.Equal(
            ["workspaceRoles: logAnalyticsReader", "workspaceRoles: sentinelResponder"],
            AssignmentsOf("playbook!.outputs.principalId").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_sentinel_service_principal_is_automation_contributor_on_the_playbook_resource_group()
    {
        Assert.Equal(["sentinelAutomationRole: sentinelAutomationContributor"], AssignmentsOf("sentinelServicePrincipalObjectId"));
        Assert.Contains("module playbook 'modules/playbook.bicep'", Main, StringComparison.Ordinal);
        Assert.DoesNotContain("scope:", BicepText.Declaration(Main, "module playbook"), StringComparison.Ordinal);
        Assert.DoesNotContain("scope:", BicepText.Declaration(Main, "module sentinelAutomationRole"), StringComparison.Ordinal);
    }

    /// <summary>"module: role" for every assignment in main.bicep whose principalId is <paramref name="principal"/>.</summary>
    private static List<string> AssignmentsOf(string principal)
    {
        var result = new List<string>();
        foreach (var module in Patterns.ModuleName().Matches(Main).Select(m => m.Groups["name"].Value))
        {
            result.AddRange(Patterns.Assignment().Matches(BicepText.Declaration(Main, "module " + module))
                .Where(m => string.Equals(m.Groups["principal"].Value, principal, StringComparison.Ordinal))
                .Select(m => $"{module}: {m.Groups["role"].Value}"));
        }

        return result;
    }
}
