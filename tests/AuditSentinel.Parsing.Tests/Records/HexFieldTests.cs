using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

public class HexFieldTests
{
    // go-libaudit/auparse/testdata/audit-ubuntu17.log line 1 ends with key=65786563013634626974" (a stray quote);
    // ausearch -i prints it as key=exec key=64bit, the two keys joined by 0x01.
    [Fact]
    public void Hex_value_followed_by_a_stray_quote_is_decoded_as_auparse_does()
    {
        var line = File.ReadAllLines(RepoPaths.Fixture("go-libaudit", "auparse", "testdata", "audit-ubuntu17.log"))[0];
        Assert.True(new RecordParser().TryParse(System.Text.Encoding.UTF8.GetBytes(line), 1, out var record, out _));

        Assert.True(record.TryGetField("key"u8, out var key));
        Assert.Equal(FieldKind.Hex, key.Kind);
        Assert.Equal("exec\u000164bit", key.Text);
    }
}
