using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// RecentValues keeps the last key of each slot: whatever keys collide, a read must give the value computed from that
/// very key (and variant), and a key read again while it still holds its slot must not be computed again.
/// </summary>
public class RecentValuesTests
{
    public static TheoryData<string> Logs() => new(RepoPaths.FixtureLogs());

    [Theory]
    [MemberData(nameof(Logs))]
    public void A_value_is_always_the_one_of_its_own_key_and_variant(string log)
    {
        // Four slots: the fixture values collide all the time.
        var recent = new RecentValues<string>(slotBits: 2);
        var computed = 0;
        foreach (var record in FixtureRecords.All(log))
        {
            for (var f = 0; f < record.FieldCount; f++)
            {
                var raw = record[f].RawText;
                foreach (var variant in (bool[])[false, true])
                {
                    var expected = (variant ? "v:" : "p:") + raw;
                    var before = computed;
                    Assert.Equal(expected, recent.GetOrAdd(record[f].RawValue, variant, raw, Compute(variant)));
                    Assert.Equal(expected, recent.GetOrAdd(record[f].RawValue, variant, raw, Compute(variant)));
                    Assert.True(computed - before <= 1, "the second read of a key that kept its slot computed it again");
                }
            }
        }

        Func<string, string> Compute(bool variant) => text =>
        {
            computed++;
            return (variant ? "v:" : "p:") + text;
        };
    }
}
