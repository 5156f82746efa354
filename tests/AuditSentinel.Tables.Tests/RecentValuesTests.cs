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

    [Fact]
    public void Keys_that_differ_in_one_byte_in_length_or_in_trailing_zero_bytes_keep_their_own_values()
    {
        // Keys up to 16 bytes are held as zero-padded words and a length: "a" and "a\0", or one differing byte in either
        // word, must not share a value. Every length across both words and beyond, in four slots.
        var keys = new List<byte[]>();
        for (var length = 0; length <= 20; length++)
        {
            var key = Enumerable.Range(0, length).Select(i => (byte)('a' + i)).ToArray();
            keys.Add(key);
            keys.Add([.. key, 0]);
            for (var at = 0; at < length; at++)
            {
                var changed = key.ToArray();
                changed[at] ^= 0x20;
                keys.Add(changed);
            }
        }

        var recent = new RecentValues<string>(slotBits: 2);
        for (var round = 0; round < 2; round++)
        {
            foreach (var key in keys)
            {
                foreach (var variant in (bool[])[false, true])
                {
                    var expected = (variant ? "v:" : "p:") + Convert.ToHexString(key) + "/" + key.Length;
                    Assert.Equal(expected, recent.GetOrAdd(key, variant, key, k => (variant ? "v:" : "p:") + Convert.ToHexString(k) + "/" + k.Length));
                }
            }
        }
    }
}
