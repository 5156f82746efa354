using AuditSentinel.Content.Attack;
using AuditSentinel.Content.Build;
using AuditSentinel.Content.Documents;
using AuditSentinel.Content.Validation;

namespace AuditSentinel.Content.Tests;

/// <summary>Durations, tuning knobs, description sections, column literals and the ATT&amp;CK catalogue.</summary>
public sealed class SmallPartsTests
{
    [Theory]
    [InlineData("PT5M", 0, 0, 5, 0)]
    [InlineData("PT1H", 0, 1, 0, 0)]
    [InlineData("P1D", 1, 0, 0, 0)]
    [InlineData("P1DT12H", 1, 12, 0, 0)]
    [InlineData("PT90S", 0, 0, 0, 90)]
    public void Iso_durations_parse(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(Iso8601Duration.TryParse(text, out var duration));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), duration);
    }

    [Theory]
    [InlineData("5m")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("P1W")]
    [InlineData("P1Y")]
    [InlineData("PT1.5H")]
    [InlineData("pt5m")]
    [InlineData("")]
    public void Other_text_is_not_a_duration(string text)
    {
        Assert.False(Iso8601Duration.TryParse(text, out _));
    }

    [Fact]
    public void Tuning_knobs_are_the_leading_let_literals()
    {
        const string query = """
            // comment
            let threshold = 5;
            let window = 10m; // why
            let allow = dynamic(['a', 'b']);
            let name = 'x';
            let shells = @"/(ba|z)sh$";
            let quoted = @'it''s';
            let Base = LinuxAuditEvents() | where Comm == name;
            let later = 7;
            Base
            | where Count > threshold
            """;
        Assert.Equal([("threshold", "5"), ("window", "10m"), ("allow", "dynamic(['a', 'b'])"), ("name", "'x'"), ("shells", "@\"/(ba|z)sh$\""), ("quoted", "@'it''s'"), ("later", "7")], TuningKnobs.Of(query));
    }

    [Fact]
    public void Literals_compared_with_normalized_columns_must_be_values_the_mapper_writes()
    {
        var problems = new List<ContentProblem>();
        VocabularyLiteralCheck.Validate(
            "q.yaml",
            "LinuxAuditEvents() | where Action in ('failed-login', 'failed-logon') and Category == 'file' and RecordType !in ('USER_CMD', 'BOGUS') and Result != 'succeeded' and Syscall in (names) and Category =~ 'FILE'",
            problems);
        Assert.Equal(
            [
                "q.yaml: Action is compared with 'failed-logon', a value it never holds (docs/normalization.md)",
                "q.yaml: RecordType is compared with 'BOGUS', a value it never holds (docs/normalization.md)",
                "q.yaml: Result is compared with 'succeeded', a value it never holds (docs/normalization.md)",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Description_sections_run_from_their_label_to_the_next_label_or_the_end()
    {
        const string description = "Finds X.\n  Needs: execve\n  auditing. Limits: misses Y. Tuning: add\n  hosts to allowedHosts.\n";
        Assert.Equal("execve auditing.", DescriptionSections.Needs(description));
        Assert.Equal("add hosts to allowedHosts.", DescriptionSections.Tuning(description));
        Assert.Null(DescriptionSections.Needs("Finds X. Tuning: none."));
        Assert.Null(DescriptionSections.Tuning("Finds X. Tuning:\n"));
    }

    [Fact]
    public void Column_literals_are_the_case_sensitive_comparisons_with_string_literals()
    {
        const string query = """T | where Syscall in ('execve', "execveat") and Key == 'cron' and RecordType !in ("USER_CMD") and Comm in (shells) and Key =~ 'X' and Exe != '/bin/sh' and Key != "modules" """;
        Assert.Equal(
            [("Syscall", "execve"), ("Syscall", "execveat"), ("Key", "cron"), ("RecordType", "USER_CMD"), ("Key", "modules")],
            ColumnLiterals.Of(query, new HashSet<string>(["Syscall", "Key", "RecordType", "Comm"], StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_technique_of_the_default_audit_key_map_is_a_current_attack_technique()
    {
        var map = AuditSentinel.Tables.Attack.AttackKeyMap.Default;
        var techniques = map.ExplicitKeys.SelectMany(map.TechniquesOf).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(techniques);
        Assert.All(techniques, id => Assert.True(AttackCatalog.Techniques.ContainsKey(id), $"{id} is revoked, deprecated or unknown"));
    }

    [Fact]
    public void The_attack_catalogue_has_current_techniques_with_their_tactics_and_no_revoked_ones()
    {
        Assert.Equal(["DefenseEvasion", "PrivilegeEscalation"], AttackCatalog.Techniques["T1548.003"].Tactics);
        Assert.Equal("SSH Authorized Keys", AttackCatalog.Techniques["T1098.004"].Name);
        Assert.False(AttackCatalog.Techniques.ContainsKey("T1166"));
        Assert.All(AttackCatalog.Techniques.Values, t => Assert.Subset(AttackCatalog.Tactics, t.Tactics.ToHashSet(StringComparer.Ordinal)));
    }
}
