using AuditSentinel.TestSupport;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>
/// Every analytic rule has a positive and a negative sample of raw audit lines. Run through the real pipeline, the
/// positive sample yields rows meeting the conditions of the rule's expect.json and the negative does not; the
/// conditions are tied to the rule because each column and value appears in its query.
/// </summary>
public sealed class RuleSampleTests
{
    public static TheoryData<string> Rules() => [.. RuleSampleSet.RuleNames()];

    [Fact]
    public void Every_rule_has_a_positive_sample_a_negative_sample_and_an_expectation()
    {
        var missing = RuleSampleSet.RuleNames()
            .SelectMany(rule => new[] { RuleSampleSet.PositiveLog, RuleSampleSet.NegativeLog, RuleSampleSet.Expectation }
                .Where(file => !File.Exists(RuleSampleSet.SampleFile(rule, file)))
                .Select(file => $"{rule}/{file}"))
            .ToList();

        Assert.NotEmpty(RuleSampleSet.RuleNames());
        Assert.True(missing.Count == 0, "missing rule samples: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_sample_folder_belongs_to_a_rule()
    {
        var orphans = RuleSampleSet.SampleNames().Except(RuleSampleSet.RuleNames(), StringComparer.Ordinal).ToList();

        Assert.True(orphans.Count == 0, "sample folders without a rule in kql/analytic-rules: " + string.Join(", ", orphans));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Positive_sample_yields_rows_the_rule_selects(string rule)
    {
        var expectation = SampleExpectation.Load(RuleSampleSet.SampleFile(rule, RuleSampleSet.Expectation));
        var sample = await SampleLog.IngestAsync(RuleSampleSet.SampleFile(rule, RuleSampleSet.PositiveLog));

        var matches = expectation.LargestGroupOfMatches(sample.RowsOf(expectation.Table));

        Assert.True(
            matches >= expectation.MinRows,
            $"{rule}: the positive sample has {matches} {expectation.Table} rows (largest group) meeting [{string.Join("; ", expectation.Where)}], needs {expectation.MinRows}");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Negative_sample_is_a_near_miss_the_rule_does_not_select(string rule)
    {
        var expectation = SampleExpectation.Load(RuleSampleSet.SampleFile(rule, RuleSampleSet.Expectation));
        var sample = await SampleLog.IngestAsync(RuleSampleSet.SampleFile(rule, RuleSampleSet.NegativeLog));
        var rows = sample.RowsOf(expectation.Table);

        var matches = expectation.LargestGroupOfMatches(rows);

        Assert.True(
            matches < expectation.MinRows,
            $"{rule}: the negative sample has {matches} {expectation.Table} rows (largest group) meeting [{string.Join("; ", expectation.Where)}], must stay below {expectation.MinRows}");
        Assert.True(rows.Count > 0, $"{rule}: the negative sample gives no {expectation.Table} rows, so it proves nothing");
        if (expectation.Where.Count > 1)
        {
            Assert.True(
                rows.Any(row => expectation.Where.Any(p => p.Matches(row))),
                $"{rule}: no row of the negative sample meets any condition: make it a near miss (benign activity close to the detection)");
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_condition_names_columns_and_values_the_query_uses(string rule)
    {
        var expectation = SampleExpectation.Load(RuleSampleSet.SampleFile(rule, RuleSampleSet.Expectation));
        var query = RuleSampleSet.Query(rule);

        var absent = expectation.Where
            .SelectMany(p => p.Column.Split('.').Concat(p.Values))
            .Concat(expectation.GroupBy)
            .Append(ReadBy(expectation.Table))
            .Where(word => !query.Contains(word, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(absent.Count == 0, $"{rule}: expect.json names what the query does not contain: {string.Join(", ", absent)}");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Samples_are_whole_audit_events_as_ausearch_reads_them(string rule)
    {
        foreach (var file in new[] { RuleSampleSet.PositiveLog, RuleSampleSet.NegativeLog })
        {
            var path = RuleSampleSet.SampleFile(rule, file);
            var sample = await SampleLog.IngestAsync(path);

            Assert.True(sample.RejectedLines.Count == 0, $"{rule}/{file}: rejected lines: {string.Join(" | ", sample.RejectedLines)}");
            Assert.True(sample.Report.PartialEvents == 0, $"{rule}/{file}: {sample.Report.PartialEvents} events are incomplete");
            Assert.Equal(ReferenceTools.AusearchEventCount(path), sample.Report.Events);
        }
    }

    // A query reads the table directly (LinuxAuditEvents_CL) or through its parser function (LinuxAuditEvents()).
    private static string ReadBy(string table) => table.EndsWith("_CL", StringComparison.Ordinal) ? table[..^3] : table;
}
