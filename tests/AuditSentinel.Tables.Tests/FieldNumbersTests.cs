using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// FieldNumbers reads values of plain digits itself and leaves every other value to the record's general parser: both
/// must agree on every value, at the lengths where a long stops holding every number of that many digits.
/// </summary>
public class FieldNumbersTests
{
    public static TheoryData<string> Logs() => new(RepoPaths.FixtureLogs());

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_fixture_value_is_read_as_the_general_parser_reads_it(string log)
    {
        foreach (var record in FixtureRecords.All(log))
        {
            for (var f = 0; f < record.FieldCount; f++)
            {
                AssertReadAsTheGeneralParser(record[f]);
            }
        }
    }

    [Theory]
    // Around 18 digits (the most read without the general parser) and 19 (long.MaxValue has 19), and past them.
    [InlineData("999999999999999999")]
    [InlineData("000000000000000001")]
    [InlineData("1000000000000000000")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    [InlineData("99999999999999999999")]
    [InlineData("0000000000000000000000001")]
    // Signs, other bytes, the unset ids.
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("-9223372036854775808")]
    [InlineData("4294967295")]
    [InlineData("1a")]
    [InlineData("a1")]
    [InlineData("1/")]
    [InlineData("1:")]
    [InlineData("\"12\"")]
    [InlineData("1 2")]
    [InlineData("(null)")]
    [InlineData("3132")]
    [InlineData("0")]
    [InlineData("00")]
    public void Crafted_values_are_read_as_the_general_parser_reads_them(string value)
    {
        var record = FixtureRecords.Parse($"type=SYSCALL msg=audit(1795333528.773:4160): pid={value} ppid=1");
        AssertReadAsTheGeneralParser(record[0]);
    }

    private static void AssertReadAsTheGeneralParser(in Parsing.Records.AuditField field)
    {
        var parsed = field.TryGetInt64(out var expected);
        Assert.Equal(parsed, FieldNumbers.TryGetInt64(field, out var value));
        if (parsed)
        {
            Assert.Equal(expected, value);
        }

        Assert.Equal(parsed ? expected : null, FieldNumbers.Number(field));
    }
}
