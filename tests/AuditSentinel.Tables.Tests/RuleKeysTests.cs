using System.Text;
using AuditSentinel.Tables.Attack;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// RuleKeys gives an event's Keys and Techniques from its key= field, reusing the arrays made for a value seen before:
/// every read, first or repeated, must be the rule's (the parts split at 0x01, empty ones dropped, each once; the
/// distinct techniques of the parts in the mapper's map), also when mappers with different maps share a thread.
/// </summary>
public class RuleKeysTests
{
    private static readonly AttackKeyMap Replaced = AttackKeyMap.Default.WithOverrides(
        new MemoryStream(Encoding.UTF8.GetBytes("""{"replaceDefaults": true, "keys": {"exec": ["T1059.004"]}}""")));

    public static TheoryData<string> Logs() => new(RepoPaths.FixtureLogs());

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_fixture_key_gets_the_rule_s_keys_and_techniques_first_and_again(string log)
    {
        foreach (var record in FixtureRecords.All(log))
        {
            if (record.IndexOf("key"u8) is var f and >= 0 && record[f].Text is { } text)
            {
                foreach (var map in (AttackKeyMap[])[AttackKeyMap.Default, AttackKeyMap.Default, Replaced, AttackKeyMap.Default])
                {
                    var (keys, techniques) = RuleKeys.Of(record[f], map);
                    var expected = ByTheRule(text);
                    Assert.Equal(expected, keys ?? []);
                    Assert.Equal(expected.SelectMany(map.TechniquesOf).Distinct(), techniques ?? []);
                }
            }
        }
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("T1003.008_shadow")]
    [InlineData("\u0001exec\u0001\u0001exec\u0001T1059_x\u0001")]
    [InlineData("\u0001")]
    public void A_key_read_with_two_maps_in_turn_gets_each_map_s_techniques(string key)
    {
        var record = FixtureRecords.Parse($"type=SYSCALL msg=audit(1795333540.373:1): syscall=59 key={Convert.ToHexString(Encoding.ASCII.GetBytes(key))}");
        var field = record[record.IndexOf("key"u8)];
        for (var round = 0; round < 3; round++)
        {
            foreach (var map in (AttackKeyMap[])[AttackKeyMap.Default, Replaced])
            {
                var (keys, techniques) = RuleKeys.Of(field, map);
                Assert.Equal(ByTheRule(key), keys ?? []);
                Assert.Equal(ByTheRule(key).SelectMany(map.TechniquesOf).Distinct(), techniques ?? []);
            }
        }
    }

    [Fact]
    public async Task The_keys_of_several_syscall_records_are_collected_in_order_each_once()
    {
        var first = Convert.ToHexString(Encoding.ASCII.GetBytes("T1003.008_shadow\u0001exec"));
        var lines = "type=SYSCALL msg=audit(1795333540.373:1): arch=c000003e syscall=257 key=\"modules\"\n"
            + $"type=SYSCALL msg=audit(1795333540.373:1): arch=c000003e syscall=257 key={first}\n"
            + "type=SYSCALL msg=audit(1795333540.373:1): arch=c000003e syscall=257 key=(null)\n"
            + "type=SYSCALL msg=audit(1795333540.373:1): arch=c000003e syscall=257 key=\"exec\"\n"
            + "type=EOE msg=audit(1795333540.373:1): \n";
        var log = await MappedLog.ReadAsync(new MemoryStream(Encoding.ASCII.GetBytes(lines)), "keys");
        var row = Assert.Single(log.Events);
        Assert.Equal(["modules", "T1003.008_shadow", "exec"], row.Keys);
        Assert.Equal(((string[])["modules", "T1003.008_shadow", "exec"]).SelectMany(AttackKeyMap.Default.TechniquesOf).Distinct(), row.Techniques);
    }

    private static string[] ByTheRule(string text) => [.. text.Split('\u0001', StringSplitOptions.RemoveEmptyEntries).Distinct()];
}
