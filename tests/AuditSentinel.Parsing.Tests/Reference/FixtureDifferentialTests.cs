using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Reference;

/// <summary>Every fixture log, read by this project and by <c>ausearch -i</c>, must agree (see <see cref="ReferenceComparison"/>).</summary>
public class FixtureDifferentialTests
{
    public static TheoryData<string> Logs()
    {
        // An empty log (a rule sample whose negative case is "no input at all") has nothing to compare.
        return new TheoryData<string>(RepoPaths.FixtureLogs().Where(log => new FileInfo(Path.Combine(RepoPaths.Fixtures, log)).Length > 0));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task Fixture_log_agrees_with_ausearch(string log)
    {
        var comparison = await ReferenceComparison.RunAsync(Path.Combine(RepoPaths.Fixtures, log));

        Assert.True(comparison.Differences.Count == 0, comparison.Describe(log));
        Assert.True(comparison.Events > 0 && comparison.Fields > 0, comparison.Describe(log));
    }

    // The documented differences, each asserted where it occurs so none hides a real one.
    [Fact]
    public async Task Ausearch_splits_ssh_intrusion_events_at_LOGIN_where_this_project_keeps_them_whole()
    {
        var comparison = await ReferenceComparison.RunAsync(RepoPaths.SshIntrusionLog);
        var ours = await ParsedLog.ReadAsync(RepoPaths.SshIntrusionLog);

        Assert.Empty(comparison.Differences);
        var loginEvents = ours.Events.Count(e => e.Find(Parsing.Records.RecordType.Login) is not null && e.Records.Count > 1);
        Assert.True(loginEvents > 0);
        Assert.Equal(loginEvents, comparison.LoginSplits);
    }

    [Fact]
    public async Task Ausearch_drops_the_AppArmor_AVC_of_ubuntu16()
    {
        var comparison = await ReferenceComparison.RunAsync(RepoPaths.Fixture("go-libaudit", "auparse", "testdata", "audit-ubuntu16.log"));

        Assert.Empty(comparison.Differences);
        Assert.Equal(1, comparison.AppArmorEventsDropped);
    }

    [Fact]
    public async Task Ausearch_reads_rhel7s_absent_auid_as_uid_0()
    {
        var comparison = await ReferenceComparison.RunAsync(RepoPaths.Fixture("go-libaudit", "auparse", "testdata", "audit-rhel7.log"));

        Assert.Empty(comparison.Differences);
        Assert.Equal(1, comparison.AbsentIdsReadAsZero);
    }
}
