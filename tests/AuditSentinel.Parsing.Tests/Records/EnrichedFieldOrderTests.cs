using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>
/// A record's ENRICHED fields (after 0x1D) come after all its other fields. The mapper's field layouts rely on it: they
/// check a record's split between body and ENRICHED fields at one position, the count of body fields, instead of
/// field by field, so tokens out of this order would be misclassified without any error.
/// </summary>
public class EnrichedFieldOrderTests
{
    public static TheoryData<string> FixtureLogs() => [.. RepoPaths.FixtureLogs()];

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void Every_fixture_record_has_its_enriched_fields_last(string log)
    {
        foreach (var line in File.ReadLines(RepoPaths.Fixture(log)))
        {
            AssertEnrichedLast(Encoding.UTF8.GetBytes(line));
        }
    }

    [Fact]
    public void Mutated_fixture_records_have_their_enriched_fields_last()
    {
        foreach (var line in MutatedLines.Of(seed: 29, count: 20_000))
        {
            AssertEnrichedLast(line);
        }
    }

    [Fact]
    public void A_record_with_both_parts_has_body_fields_then_enriched_ones()
    {
        // Without this, a tokenizer that dropped the ENRICHED part would pass the order checks above.
        var line = "type=SYSCALL msg=audit(1.000:1): arch=c000003e msg='op=x res=1' uid=0\u001dARCH=x86_64 UID=\"root\"";
        Assert.True(new RecordParser().TryParse(Encoding.UTF8.GetBytes(line), 1, out var record, out _));
        Assert.Equal(
            [FieldOrigin.Body, FieldOrigin.Message, FieldOrigin.Message, FieldOrigin.Body, FieldOrigin.Enriched, FieldOrigin.Enriched],
            Origins(record!));
    }

    [Fact]
    public void SELinux_words_after_the_separator_stay_enriched()
    {
        // The tokenizer names "denied" and a braced group itself (seresult, seperms): in the body they are body fields,
        // after 0x1D they are ENRICHED like every other field there.
        var line = "type=AVC msg=audit(1.000:1): avc:  denied  { read } for pid=1\u001dA=1 granted { x } B=2";
        Assert.True(new RecordParser().TryParse(Encoding.UTF8.GetBytes(line), 1, out var record, out _));
        Assert.Equal(
            [FieldOrigin.Body, FieldOrigin.Body, FieldOrigin.Body, FieldOrigin.Enriched, FieldOrigin.Enriched, FieldOrigin.Enriched, FieldOrigin.Enriched],
            Origins(record!));
    }

    private static void AssertEnrichedLast(byte[] line)
    {
        foreach (var fastPaths in new[] { true, false })
        {
            if (!new RecordParser(fastPaths).TryParse(line, 1, out var record, out _))
            {
                continue;
            }

            var origins = Origins(record!);
            var firstEnriched = origins.IndexOf(FieldOrigin.Enriched);
            Assert.True(firstEnriched < 0 || origins[firstEnriched..].All(o => o == FieldOrigin.Enriched), Encoding.UTF8.GetString(line));
        }
    }

    private static List<FieldOrigin> Origins(AuditRecord record)
    {
        var origins = new List<FieldOrigin>(record.FieldCount);
        for (var i = 0; i < record.FieldCount; i++)
        {
            origins.Add(record[i].Origin);
        }

        return origins;
    }
}
