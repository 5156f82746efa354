using System.Globalization;
using System.Text;
using AuditSentinel.Tables.Rows;
using FsCheck;
using FsCheck.Fluent;

namespace AuditSentinel.Tables.Tests;

/// <summary>The digit count comes from a table by highest bit: every edge of a digit count and of a bit is checked.</summary>
public class DecimalDigitsTests
{
    public static TheoryData<uint> Edges()
    {
        var edges = new SortedSet<uint> { 0, uint.MaxValue };
        for (var power = 1UL; power <= uint.MaxValue; power *= 10)
        {
            edges.UnionWith([(uint)power, (uint)(power - 1), (uint)Math.Min(power + 1, uint.MaxValue)]);
        }

        for (var bit = 0; bit < 32; bit++)
        {
            edges.UnionWith([1U << bit, (1U << bit) - 1]);
        }

        return [.. edges];
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Edges_of_digit_counts_and_bits_are_written_as_tostring_writes_them(uint value) => AssertWritten(value);

    [Fact]
    public void Any_number_is_written_as_tostring_writes_it() =>
        Prop.ForAll<uint>(value => AssertWritten(value)).QuickCheckThrowOnFailure();

    private static void AssertWritten(uint value)
    {
        var destination = new byte[DecimalDigits.MaxLength + 1];
        destination.AsSpan().Fill(0xEE);
        var written = DecimalDigits.Write(value, ref destination[0]);
        var expected = value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(expected.Length, DecimalDigits.Count(value));
        Assert.Equal(expected, Encoding.ASCII.GetString(destination, 0, written));
        Assert.All(destination[written..], b => Assert.Equal(0xEE, b));
    }
}
