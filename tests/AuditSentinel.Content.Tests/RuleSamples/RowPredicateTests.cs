using System.Text.Json;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>The expect.json conditions, checked on the rows of the real ssh-intrusion log.</summary>
public sealed class RowPredicateTests
{
    private static readonly Lazy<Task<SampleLog>> Intrusion = new(() => SampleLog.IngestAsync(RepoPaths.SshIntrusionLog));

    [Theory]
    [InlineData("""{"column":"CommandLine","op":"equals","value":"usermod -aG sudo dave"}""", 1)]
    [InlineData("""{"column":"CommandLine","op":"equals","value":"USERMOD -aG sudo dave"}""", 0)]
    [InlineData("""{"column":"CommandLine","op":"contains","value":"USERMOD -aG"}""", 1)]
    [InlineData("""{"column":"Exe","op":"endswith","value":"/USERMOD"}""", 12)]
    [InlineData("""{"column":"RecordType","op":"in","value":["DAEMON_END","DAEMON_START"]}""", 2)]
    [InlineData("""{"column":"Fields.audit_enabled","op":"equals","value":"0"}""", 1)]
    [InlineData("""{"column":"Fields.audit_enabled","op":"notempty"}""", 1)]
    [InlineData("""{"column":"Argv","op":"any","value":"dave"}""", 3)]
    [InlineData("""{"column":"Argv","op":"any","value":"dav"}""", 0)]
    [InlineData("""{"column":"Paths","op":"any","elementOp":"endswith","value":"/SHADOW"}""", 18)]
    [InlineData("""{"column":"Paths","op":"contains","value":"\"name\":\"/etc/shadow\""}""", 18)]
    [InlineData("""{"column":"Session","op":"equals","value":4}""", 145)]
    [InlineData("""{"column":"ProcTitle","op":"matches","value":"^auditctl -D$"}""", 11)]
    [InlineData("""{"column":"ProcTitle","op":"matches","value":"^auditctl -d$"}""", 0)]
    [InlineData("""{"column":"Exe","op":"endswith","value":"/usermod","not":true}""", 186)]
    [InlineData("""{"column":"Key","op":"notempty","not":true}""", 69)]
    public async Task A_condition_selects_exactly_the_rows_it_describes(string json, int expectedRows)
    {
        var predicate = Parse(json);
        var rows = (await Intrusion.Value).RowsOf("LinuxAuditEvents_CL");

        Assert.Equal(expectedRows, rows.Count(predicate.Matches));
    }

    [Theory]
    [InlineData("""{"column":"Exe","op":"like","value":"x"}""", "unknown op 'like'")]
    [InlineData("""{"column":"Exe","op":"in","value":"x"}""", "needs an array")]
    [InlineData("""{"column":"Exe","op":"equals"}""", "needs a 'value'")]
    [InlineData("""{"column":"Exe","op":"equals","value":["a","b"]}""", "takes one value")]
    [InlineData("""{"column":"Exe","op":"equals","value":""}""", "must not be empty")]
    [InlineData("""{"column":"Exe","op":"endswith","elementOp":"contains","value":"x"}""", "only for op 'any'")]
    [InlineData("""{"op":"equals","value":"x"}""", "'column' must be")]
    [InlineData("""{"column":"Exe","op":"notempty","not":"yes"}""", "'not' must be true or false")]
    public void A_malformed_condition_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Parse(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static RowPredicate Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RowPredicate.Parse(document.RootElement.Clone(), "test");
    }
}
