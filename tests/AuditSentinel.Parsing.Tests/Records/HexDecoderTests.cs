using System.Buffers;
using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>
/// Our hex decoder replaced the runtime's (<see cref="Convert.FromHexString(ReadOnlySpan{byte}, Span{byte}, out int, out int)"/>):
/// it must accept, reject and decode exactly as that one does.
/// </summary>
public class HexDecoderTests
{
    [Fact]
    public void Every_even_length_value_of_every_fixture_log_is_judged_and_decoded_as_the_runtime_does()
    {
        // Hex fields, and every other value too (numbers, paths, TTY data): real bytes for both answers.
        var hexFields = 0;
        foreach (var log in RepoPaths.FixtureLogs())
        {
            foreach (var record in FixtureRecords.All(log))
            {
                for (var i = 0; i < record.FieldCount; i++)
                {
                    var raw = record[i].RawValue;
                    if (raw.Length % 2 == 0)
                    {
                        AssertSameAsRuntime(raw);
                    }

                    hexFields += record[i].Kind == FieldKind.Hex ? 1 : 0;
                }
            }
        }

        Assert.True(hexFields > 300, $"only {hexFields} hex fields in the fixtures");
    }

    [Fact]
    public void Every_length_and_a_non_digit_at_every_position_are_judged_as_the_runtime_judges_them()
    {
        // Both cases, and the bytes next to each digit range, where an off-by-one in a range check would show.
        var digits = "0123456789ABCDEFabcdef"u8;
        ReadOnlySpan<byte> neighbours = [(byte)'/', (byte)':', (byte)'@', (byte)'G', (byte)'`', (byte)'g', 0x00, 0x20, 0x7F, 0x80, 0xB0, 0xC6, 0xFF];
        for (var length = 0; length <= 100; length += 2)
        {
            var hex = new byte[length];
            for (var i = 0; i < length; i++)
            {
                hex[i] = digits[(i * 7 + length) % digits.Length];
            }

            AssertSameAsRuntime(hex);
            for (var at = 0; at < length; at++)
            {
                var original = hex[at];
                hex[at] = neighbours[(at + length) % neighbours.Length];
                AssertSameAsRuntime(hex);
                hex[at] = original;
            }
        }
    }

    [Fact]
    public void Every_byte_value_as_either_digit_of_a_pair_in_a_long_value_is_judged_as_the_runtime_judges_it()
    {
        var hex = Encoding.ASCII.GetBytes(new string('7', 64));
        for (var value = 0; value < 256; value++)
        {
            foreach (var at in new[] { 0, 17, 32, 63 })
            {
                hex[at] = (byte)value;
                AssertSameAsRuntime(hex);
                hex[at] = (byte)'7';
            }
        }
    }

    [Fact]
    public void An_odd_length_or_a_short_destination_is_refused()
    {
        Assert.False(FieldValues.TryDecodeHex("ABC"u8, new byte[4], out var written));
        Assert.Equal(0, written);
        Assert.False(FieldValues.TryDecodeHex("ABCD"u8, new byte[1], out written));
        Assert.Equal(0, written);
    }

    private static void AssertSameAsRuntime(ReadOnlySpan<byte> hex)
    {
        var expected = new byte[hex.Length / 2];
        var expectedOk = Convert.FromHexString(hex, expected, out _, out var expectedWritten) == OperationStatus.Done;
        var actual = new byte[hex.Length / 2];
        var actualOk = FieldValues.TryDecodeHex(hex, actual, out var actualWritten);

        Assert.True(expectedOk == actualOk, $"{Encoding.Latin1.GetString(hex)}: runtime {expectedOk}, ours {actualOk}");
        Assert.Equal(expectedOk ? expectedWritten : 0, actualWritten);
        if (expectedOk)
        {
            Assert.Equal(expected, actual);
        }
    }
}
