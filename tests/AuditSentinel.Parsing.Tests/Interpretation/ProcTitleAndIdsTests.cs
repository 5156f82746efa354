using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Interpretation;

public class ProcTitleAndIdsTests
{
    // ssh-intrusion/audit.log line 3; ausearch-i.txt prints it as proctitle=auditd -n -c /tmp/realaudit.eTtp
    [Fact]
    public void Real_proctitle_splits_on_NUL_and_displays_as_ausearch()
    {
        Assert.True(FixtureRecords.Line(FixtureRecords.SshIntrusion, 3).TryGetField("proctitle"u8, out var title));

        Assert.Equal(["auditd", "-n", "-c", "/tmp/realaudit.eTtp"], ProcTitle.Split(title));
        Assert.Equal("auditd -n -c /tmp/realaudit.eTtp", ProcTitle.DisplayText(title));
        Assert.Contains("proctitle=" + ProcTitle.DisplayText(title) + " ", File.ReadAllText(RepoPaths.Fixture("ssh-intrusion", "ausearch-i.txt")), StringComparison.Ordinal);
        Assert.False(ProcTitle.MayBeTruncated(title));
    }

    [Fact]
    public void Quoted_and_cut_proctitles()
    {
        Assert.True(FixtureRecords.Parse("type=PROCTITLE msg=audit(1.000:1): proctitle=\"bash\"").TryGetField("proctitle"u8, out var quoted));
        Assert.Equal(["bash"], ProcTitle.Split(quoted));

        var cut = Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(new string('x', 60) + "\0" + new string('y', 67)));
        Assert.True(FixtureRecords.Parse("type=PROCTITLE msg=audit(1.000:1): proctitle=" + cut).TryGetField("proctitle"u8, out var full));
        Assert.True(ProcTitle.MayBeTruncated(full));
        Assert.Equal(2, ProcTitle.Split(full).Count);
    }

    // Each NUL shows as a space, also next to bytes that are not UTF-8 and in a title too long for the stack.
    [Theory]
    [InlineData("C3004100FF00")]
    [InlineData("E282")]
    public void Display_text_is_the_decoded_title_with_nul_as_space(string hex)
    {
        foreach (var title in new[] { hex, string.Concat(Enumerable.Repeat(hex, 400)) })
        {
            Assert.True(FixtureRecords.Parse("type=PROCTITLE msg=audit(1.000:1): proctitle=" + title).TryGetField("proctitle"u8, out var field));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(Convert.FromHexString(title)).Replace('\0', ' '), ProcTitle.DisplayText(field));
        }
    }

    // ssh-intrusion/audit.log line 1 (daemon: auid unset) and line 103 (LOGIN of carol, auid 1003, session 4).
    [Fact]
    public void Unset_ids_are_null_and_enriched_names_are_used()
    {
        var daemon = FixtureRecords.Line(FixtureRecords.SshIntrusion, 1);
        Assert.Null(AuditIds.Get(daemon, "auid"u8));
        Assert.Null(AuditIds.Get(daemon, "ses"u8));
        Assert.Equal(0, AuditIds.Get(daemon, "uid"u8));
        Assert.Null(AuditIds.EnrichedName(daemon, "AUID"u8));
        Assert.Equal("root", AuditIds.EnrichedName(daemon, "UID"u8));

        var login = FixtureRecords.Line(FixtureRecords.SshIntrusion, 103);
        Assert.Equal(1003, AuditIds.Get(login, "auid"u8));
        Assert.Equal(4, AuditIds.Get(login, "ses"u8));
        Assert.Equal("carol", AuditIds.EnrichedName(login, "AUID"u8));
        Assert.True(AuditIds.IsUnset(-1));
    }
}
