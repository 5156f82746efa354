using AuditSentinel.Content.Validation;

namespace AuditSentinel.Content.Tests;

/// <summary>The content of kql/ (and the fixtures) passes validation, file by file.</summary>
public sealed class ContentValidationTests
{
    public static TheoryData<string> Files => RepoContent.Paths(
    [
        .. RepoContent.AllRules.Select(r => r.Path),
        .. RepoContent.Kql.Hunting.Select(h => h.Path),
        .. RepoContent.Kql.Functions.Select(f => f.Path),
    ]);

    [Fact]
    public void Every_file_of_kql_loads()
    {
        Assert.Empty(RepoContent.Kql.LoadProblems);
        Assert.Empty(RepoContent.Fixtures.LoadProblems);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Content_file_is_valid(string path)
    {
        var problems = ContentValidator.Validate(RepoContent.Kql).Concat(ContentValidator.Validate(RepoContent.Fixtures));
        Assert.Empty(problems.Where(p => p.File == path).Select(p => p.Message));
    }

    [Fact]
    public void There_are_at_least_15_hunting_queries_and_the_parser_and_asim_functions()
    {
        Assert.True(RepoContent.Kql.Hunting.Count >= 15, $"{RepoContent.Kql.Hunting.Count} hunting queries");
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal) { "LinuxAuditEvents", "LinuxTtyInput", "LinuxAuditSession", "vimProcessCreateLinuxAuditd", "ASimProcessCreateLinuxAuditd", "vimAuthenticationLinuxAuditd", "ASimAuthenticationLinuxAuditd" },
            RepoContent.Kql.Functions.Select(f => f.Document.ParserName!).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_and_function_names_are_unique_across_kql_and_the_fixtures()
    {
        var ids = RepoContent.AllRules.Select(r => r.Document.Id).Concat(RepoContent.Kql.Hunting.Select(h => h.Document.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
