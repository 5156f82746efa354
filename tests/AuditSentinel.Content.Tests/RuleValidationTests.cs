using AuditSentinel.TestSupport;

namespace AuditSentinel.Content.Tests;

/// <summary>
/// Each check of the rule validation, shown on a valid fixture rule with one thing broken: the problem names the
/// file and what is wrong, and the unbroken fixture has none.
/// </summary>
public sealed class RuleValidationTests : IDisposable
{
    private static readonly string Fixture = File.ReadAllText(RepoPaths.Fixture("content", "kql", "analytic-rules", "sudo-to-root-shell.yaml"));
    private readonly string _root = Directory.CreateTempSubdirectory("content-validation-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_unbroken_fixture_has_no_problem()
    {
        Assert.Empty(Problems(Fixture));
    }

    [Theory]
    [InlineData("queryFrequency: PT15M", "queryFrequency: 15m", "queryFrequency '15m' is not an ISO 8601 duration")]
    [InlineData("queryFrequency: PT15M", "queryFrequency: PT2M", "queryFrequency PT2M is outside")]
    [InlineData("queryPeriod: PT1H", "queryPeriod: PT10M", "queryPeriod PT10M is shorter than queryFrequency PT15M")]
    [InlineData("queryPeriod: PT1H", "queryPeriod: P15D", "queryPeriod P15D is outside")]
    [InlineData("severity: Medium", "severity: Critical", "severity 'Critical' is not one of")]
    [InlineData("triggerOperator: gt", "triggerOperator: GreaterThan", "triggerOperator 'GreaterThan' is not one of gt")]
    [InlineData("  - PrivilegeEscalation", "  - Privilege Escalation", "tactic 'Privilege Escalation' is not one Sentinel knows")]
    [InlineData("  - T1078\n", "  - T1078\n  - T1003.008\n", "technique T1003.008 (/etc/passwd and /etc/shadow) belongs to CredentialAccess, none of which is in tactics")]
    [InlineData("  - T1078\n", "  - T1078\n  - T1166\n", "technique 'T1166' is not a current ATT&CK Enterprise technique")]
    [InlineData("      - identifier: HostName\n        columnName: HostName", "      - identifier: Hostname\n        columnName: HostName", "'Hostname' is not an identifier of Host")]
    [InlineData("      - identifier: NTDomain\n        columnName: HostName\n", "", "Account is mapped by Name alone")]
    [InlineData("  - entityType: Process", "  - entityType: Proc", "entity type 'Proc' is not one Sentinel maps")]
    [InlineData("    groupByCustomDetails:\n      - Session", "    groupByCustomDetails:\n      - SessionId", "groupByCustomDetails names SessionId, which is not a custom detail")]
    [InlineData("    groupByEntities:\n      - Host", "    groupByEntities:\n      - IP", "groupByEntities names IP, which the rule does not map")]
    [InlineData("    lookbackDuration: PT8H", "    lookbackDuration: P8D", "groupingConfiguration.lookbackDuration P8D is outside")]
    [InlineData("kind: Scheduled", "kind: NRT", "kind is 'NRT'; the deployment creates Scheduled rules only")]
    [InlineData("id: 5d6a0c0e-3a4f-4b8e-9d8e-0f1a2b3c4d5e", "id: sudo-root", "id 'sudo-root' is not a GUID")]
    [InlineData("version: 1.0.0", "version: '1'", "version '1' is not major.minor.patch")]
    [InlineData("      - LinuxAuditEvents_CL", "      - Syslog", "requiredDataConnectors.dataTypes names 'Syslog', which is not one of our tables")]
    [InlineData("  ActingUser: ActingUser", "  Acting-User: ActingUser", "custom detail key 'Acting-User' must start with a letter")]
    [InlineData("  aggregationKind: AlertPerResult", "  aggregationKind: PerResult", "eventGroupingSettings.aggregationKind 'PerResult' is not one of")]
    [InlineData("Syscall == 'execve'", "Syscall == 'exceve'", "Syscall is compared with 'exceve', a value it never holds")]
    [InlineData("name: Interactive root shell through sudo or su\n", "", "name is required")]
    [InlineData("  Needs: execve auditing (any key or none).\n", "", "description has no 'Needs:' section")]
    [InlineData("  Tuning: shells lists the programs that count as a shell.\n", "", "description has no 'Tuning:' section")]
    [InlineData("kind: Scheduled", "kind: Scheduled\nqueryFrequncy: PT5M", "line 72: Property 'queryFrequncy' not found")]
    [InlineData("kind: Scheduled", "kind: Scheduled\nkind: Scheduled", "line 72: Encountered duplicate key kind")]
    public void A_broken_rule_is_reported_with_what_is_wrong(string original, string broken, string expected)
    {
        Assert.Contains(original, Fixture, StringComparison.Ordinal);
        var problems = Problems(Fixture.Replace(original, broken, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.StartsWith("kql/analytic-rules/rule.yaml: ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Authoring_metadata_in_the_Azure_Sentinel_form_is_accepted()
    {
        const string metadata = "kind: Scheduled\nmetadata:\n  source:\n    kind: Community\n  author:\n    name: audit-sentinel\n  categories:\n    domains: [ \"Security - Others\" ]\n";
        Assert.Empty(Problems(Fixture.Replace("kind: Scheduled\n", metadata, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_query_over_the_rule_length_limit_is_reported()
    {
        var padding = string.Concat(Enumerable.Repeat("  // a comment line that only makes the query longer\n", 200));
        var problems = Problems(Fixture.Replace("query: |\n", "query: |\n" + padding, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("characters; the limit is 10000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_id_names_both_files_and_a_non_yaml_file_is_reported()
    {
        Write("a.yaml", Fixture);
        Write("b.yaml", Fixture);
        Write("notes.kql", "LinuxAuditEvents()");
        var problems = ContentValidator().Select(p => p.ToString()).ToList();
        Assert.Contains("kql/analytic-rules/b.yaml: id 5d6a0c0e-3a4f-4b8e-9d8e-0f1a2b3c4d5e is also used by kql/analytic-rules/a.yaml", problems);
        Assert.Contains(problems, p => p.StartsWith("kql/analytic-rules/notes.kql: not a content file", StringComparison.Ordinal));
    }

    private List<string> Problems(string yaml)
    {
        Write("rule.yaml", yaml);
        return [.. ContentValidator().Select(p => p.ToString())];
    }

    private IReadOnlyList<ContentProblem> ContentValidator() =>
        Validation.ContentValidator.Validate(ContentSet.Load(Path.Combine(_root, "kql")));

    private void Write(string name, string text)
    {
        var folder = Path.Combine(_root, "kql", "analytic-rules");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), text);
    }
}
