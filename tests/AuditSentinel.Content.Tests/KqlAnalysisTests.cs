using AuditSentinel.Content.Validation;

namespace AuditSentinel.Content.Tests;

/// <summary>
/// Every query of the content (rules in kql/analytic-rules and the fixtures, hunting queries, parser and ASIM
/// function bodies) through the official Kusto language service against our table schemas and functions.
/// </summary>
public sealed class KqlAnalysisTests
{
    public static TheoryData<string> Queries => RepoContent.Paths(
    [
        .. RepoContent.AllRules.Select(r => r.Path),
        .. RepoContent.Kql.Hunting.Select(h => h.Path),
        .. RepoContent.Kql.Functions.Select(f => f.Path),
    ]);

    public static TheoryData<string> MappedContent => RepoContent.Paths(
    [
        .. RepoContent.AllRules.Select(r => r.Path),
        .. RepoContent.Kql.Hunting.Select(h => h.Path),
        .. RepoContent.Kql.Functions.Where(f => f.Document.Normalization is not null).Select(f => f.Path),
    ]);

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_parses_and_analyses_without_errors(string path)
    {
        Assert.Empty(RepoContent.Analysis[path].Errors);
    }

    [Theory]
    [MemberData(nameof(MappedContent))]
    public void Every_column_the_content_refers_to_is_returned_by_its_query(string path)
    {
        var problems = new List<ContentProblem>();
        var columns = RepoContent.Analysis[path].Columns.ToList();
        Assert.NotEmpty(columns);
        foreach (var rule in RepoContent.AllRules.Where(r => r.Path == path))
        {
            Assert.NotEmpty(ResultColumnCheck.Referenced(rule.Document));
            ResultColumnCheck.Validate(rule, columns, problems);
        }

        foreach (var query in RepoContent.Kql.Hunting.Where(h => h.Path == path))
        {
            ResultColumnCheck.Validate(query, columns, problems);
        }

        foreach (var function in RepoContent.Kql.Functions.Where(f => f.Path == path))
        {
            ResultColumnCheck.Validate(function, columns, problems);
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void LinuxAuditEvents_returns_every_table_column_and_the_convenience_columns()
    {
        var columns = RepoContent.Analysis["kql/parsers/LinuxAuditEvents.yaml"].Columns;
        var table = AuditSentinel.Tables.AuditTables.LinuxAuditEvents.Schema.Columns.Select(c => c.Name);
        Assert.Superset(
            new HashSet<string>([.. table, "MergedParts", "HostName", "DnsDomain", "ActingUser", "ElevatedToRoot", "FileName", "FileDirectory", "ExeName"], StringComparer.Ordinal),
            columns.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void The_session_timeline_returns_the_columns_the_playbook_posts()
    {
        Assert.Equal(
            ["EventTime", "Serial", "Computer", "Session", "Kind", "LoginUser", "ActingUser", "Detail", "Result", "Pid", "Tty", "EventId"],
            RepoContent.Analysis["kql/parsers/LinuxAuditSession.yaml"].Columns);
    }

    [Fact]
    public void The_analysis_reports_unknown_columns_and_unknown_functions()
    {
        var results = TestSupport.Kusto.KustoAnalysis.Analyze(
            RepoContent.Functions,
            [("column", "LinuxAuditEvents() | project NoSuchColumn"), ("function", "NoSuchFunction() | take 1")]);
        Assert.NotEmpty(results["column"].Errors);
        Assert.NotEmpty(results["function"].Errors);
    }

    [Fact]
    public void The_analysis_of_a_function_body_reports_its_errors()
    {
        var broken = new TestSupport.Kusto.KustoFunction("Broken", "host:string=''", "LinuxAuditEvents_CL | where NoSuchColumn == host");
        var result = TestSupport.Kusto.KustoAnalysis.Analyze(RepoContent.Functions, [("body", TestSupport.Kusto.KustoAnalysis.BodyAsQuery(broken))])["body"];
        Assert.NotEmpty(result.Errors);
    }
}
