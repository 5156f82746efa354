using System.Text;
using System.Text.RegularExpressions;
using AuditSentinel.Tables.Attack;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

public partial class AttackKeyMapTests
{
    [Theory]
    [InlineData("neo23x0-audit.rules")]
    [InlineData("bfuzzy-auditd-attack.rules")]
    public void Every_key_of_the_public_rule_sets_is_covered(string rules)
    {
        var keys = RuleKeys(RepoPaths.Fixture("rules", rules));
        Assert.NotEmpty(keys);
        var explicitKeys = AttackKeyMap.Default.ExplicitKeys.ToHashSet(StringComparer.Ordinal);
        Assert.All(keys, key => Assert.True(
            explicitKeys.Contains(key) || AttackKeyMap.Default.TechniquesOf(key).Count > 0,
            $"{key} of {rules} has no entry and does not start with a technique id"));
    }

    [Fact]
    public void The_bfuzzy_rules_map_to_current_techniques()
    {
        var keys = RuleKeys(RepoPaths.Fixture("rules", "bfuzzy-auditd-attack.rules")).Where(k => k.StartsWith('T')).ToList();
        Assert.All(keys, key => Assert.NotEmpty(AttackKeyMap.Default.TechniquesOf(key)));
        Assert.Equal(["T1070.006"], AttackKeyMap.Default.TechniquesOf("T1099_Timestomp"));
        Assert.Equal(["T1548.003"], AttackKeyMap.Default.TechniquesOf("T1169_Sudo"));
        Assert.Equal(["T1087"], AttackKeyMap.Default.TechniquesOf("TT1087_Account_Discovery"));
    }

    [Theory]
    [InlineData("T1003.008_shadow", "T1003.008")]
    [InlineData("T1071_net_connect", "T1071")]
    [InlineData("T1059", "T1059")]
    [InlineData("T1059.004", "T1059.004")]
    [InlineData("T1059-shell", "T1059")]
    [InlineData("T1003.0081", null)]
    [InlineData("T10591", null)]
    [InlineData("T105", null)]
    [InlineData("t1059", null)]
    [InlineData("Tx059", null)]
    [InlineData("exec", null)]
    public void A_key_starting_with_a_technique_id_maps_to_it(string key, string? technique)
    {
        Assert.Equal(technique is null ? [] : [technique], AttackKeyMap.Default.TechniquesOf(key));
    }

    [Fact]
    public void Overrides_extend_replace_and_unmap()
    {
        var map = AttackKeyMap.Default.WithOverrides(Json("""{"keys": {"exec": ["T1059.004"], "modules": [], "T1003.008_shadow": ["T1003"]}}"""));
        Assert.Equal(["T1059.004"], map.TechniquesOf("exec"));
        Assert.Empty(map.TechniquesOf("modules"));
        Assert.Equal(["T1003"], map.TechniquesOf("T1003.008_shadow"));
        Assert.Equal(["T1562.012"], map.TechniquesOf("auditconfig"));
        var replaced = AttackKeyMap.Default.WithOverrides(Json("""{"replaceDefaults": true, "keys": {"exec": ["T1059"]}}"""));
        Assert.Empty(replaced.TechniquesOf("auditconfig"));
        Assert.Equal(["T1071"], replaced.TechniquesOf("T1071_net_connect"));
        Assert.Equal(["exec"], replaced.ExplicitKeys);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"key": {}}""")]
    [InlineData("""{"keys": {"a": "T1059"}}""")]
    [InlineData("""{"keys": {"a": ["T1059 "]}}""")]
    [InlineData("""{"keys": {"a": [1059]}}""")]
    public void Malformed_override_files_are_refused_with_a_clear_error(string json)
    {
        var error = Assert.Throws<FormatException>(() => AttackKeyMap.Default.WithOverrides(Json(json)));
        Assert.Matches("ATT&CK key map|Key 'a'", error.Message);
    }

    [Fact]
    public void The_documented_example_file_loads()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "attack-keys.md"));
        var example = doc[(doc.IndexOf("```json", StringComparison.Ordinal) + 7)..];
        example = example[..example.IndexOf("```", StringComparison.Ordinal)];
        var map = AttackKeyMap.Default.WithOverrides(Json(example));
        Assert.NotEqual(AttackKeyMap.Default.ExplicitKeys.Count(), map.ExplicitKeys.Count());
    }

    [Fact]
    public void Docs_list_exactly_the_default_map()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "attack-keys.md"));
        var documented = DocRow().Matches(doc).Select(m => m.Groups["key"].Value + " " + m.Groups["ids"].Value).ToList();
        var code = DefaultAttackKeys.Entries.Select(e => e.Key + " " + (e.Techniques.Length == 0 ? "none" : string.Join(", ", e.Techniques))).ToList();
        Assert.Equal(code, documented);
    }

    [Fact]
    public async Task Techniques_are_the_distinct_ids_of_all_keys_of_the_event()
    {
        // A rule with two keys: the kernel joins them with 0x01 in one hex-encoded key= field.
        var keys = Convert.ToHexString(Encoding.ASCII.GetBytes("T1003.008_shadow\u0001T1003.008_again\u0001modules"));
        var line = $"type=SYSCALL msg=audit(1795333540.373:1): arch=c000003e syscall=257 success=yes exit=5 pid=1 auid=1003 key={keys}\ntype=EOE msg=audit(1795333540.373:1): \n";
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(line));
        var log = await MappedLog.ReadAsync(stream, "keys", new AuditEventMapperOptions());
        var row = Assert.Single(log.Events);
        Assert.Equal(["T1003.008_shadow", "T1003.008_again", "modules"], row.Keys);
        Assert.Equal("T1003.008_shadow", row.Key);
        Assert.Equal(["T1003.008", "T1547.006"], row.Techniques);
    }

    private static MemoryStream Json(string text) => new(Encoding.UTF8.GetBytes(text));

    private static HashSet<string> RuleKeys(string path) =>
        File.ReadLines(path)
            .Where(l => l.StartsWith('-'))
            .SelectMany(l => KeyOption().Matches(l).Select(m => m.Groups["key"].Value))
            .Where(k => !k.StartsWith('-'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\| `(?<key>[^`]+)` \| (?<ids>[^|]+?) \|$", RegexOptions.Multiline, matchTimeoutMilliseconds: 5000)]
    private static partial Regex DocRow();

    [GeneratedRegex(@"(?:-k |-F key=)(?<key>\S+)", RegexOptions.None, matchTimeoutMilliseconds: 5000)]
    private static partial Regex KeyOption();
}
