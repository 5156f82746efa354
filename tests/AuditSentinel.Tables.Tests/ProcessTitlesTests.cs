using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// ProcessTitles reuses the text of a raw proctitle value seen before: every title it gives must be the one the value
/// decodes to, whatever was read before it, for every fixture title, the same bytes hex-encoded or written as they are,
/// and values longer than it keeps.
/// </summary>
public class ProcessTitlesTests
{
    public static TheoryData<string> Logs() => new(RepoPaths.FixtureLogs());

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_title_is_the_one_its_value_decodes_to(string log)
    {
        var titles = FixtureRecords.All(log).Where(r => r.TypeNumber == RecordType.ProcTitle)
            .Select(r => r[r.IndexOf("proctitle"u8)]).ToList();
        // Twice over: the second pass reads titles the table holds.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var title in titles)
            {
                Assert.Equal(ProcTitle.DisplayText(title), ProcessTitles.Of(title));
            }
        }
    }

    [Fact]
    public void A_title_read_after_the_same_bytes_of_another_kind_keeps_its_own_text()
    {
        // In this order: the same bytes hex-encoded, as written, hex-encoded again; NULs between arguments; absent.
        (string Body, string? Expected)[] titles =
        [
            ("proctitle=414243", "ABC"), ("proctitle=\"414243\"", "414243"), ("proctitle=414243", "ABC"),
            ("proctitle=7373686400002D44", "sshd  -D"), ("proctitle=(null)", null),
        ];
        foreach (var (body, expected) in titles)
        {
            var record = FixtureRecords.Parse("type=PROCTITLE msg=audit(1795333528.773:4160): " + body);
            Assert.Equal(expected, ProcessTitles.Of(record[0]));
        }
    }

    [Fact]
    public void Titles_longer_than_the_kernel_writes_are_decoded_each_time()
    {
        foreach (var length in (int[])[128, 129, 300])
        {
            var hex = string.Concat(Enumerable.Range(0, length).Select(i => ((byte)('a' + (i % 26))).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
            var record = FixtureRecords.Parse("type=PROCTITLE msg=audit(1795333528.773:4160): proctitle=" + hex);
            Assert.Equal(ProcTitle.DisplayText(record[0]), ProcessTitles.Of(record[0]));
            Assert.Equal(length, ProcessTitles.Of(record[0])!.Length);
        }
    }
}
