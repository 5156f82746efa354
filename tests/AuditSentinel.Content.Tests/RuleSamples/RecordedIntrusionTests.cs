using AuditSentinel.TestSupport;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>
/// Every rule's conditions on the real ssh-intrusion recording: the rules listed in
/// tests/fixtures/rule-samples/ssh-intrusion-alerts.txt that exist are selected by it (what carol did and the
/// recording's audit teardown), and no other rule is (the benign rest: sshd and passwd changing permissions, sudo reading
/// /etc/shadow, logins, motd scripts).
/// </summary>
public sealed class RecordedIntrusionTests
{
    [Fact]
    public async Task The_recording_selects_exactly_the_rules_listed_for_it()
    {
        var recording = await SampleLog.IngestAsync(RepoPaths.SshIntrusionLog);
        var listed = File.ReadAllLines(RuleSampleSet.SampleFile("ssh-intrusion-alerts.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Intersect(RuleSampleSet.RuleNames(), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var selected = RuleSampleSet.RuleNames()
            .Where(rule =>
            {
                var expectation = SampleExpectation.Load(RuleSampleSet.SampleFile(rule, RuleSampleSet.Expectation));
                return expectation.LargestGroupOfMatches(recording.RowsOf(expectation.Table)) >= expectation.MinRows;
            })
            .ToList();

        Assert.Equal(listed, selected);
    }
}
