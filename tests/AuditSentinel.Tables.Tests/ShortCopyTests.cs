using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Tests;

/// <summary>Each length takes its own loads and stores, so every length through the general copy's is checked.</summary>
public class ShortCopyTests
{
    [Fact]
    public void Every_length_is_copied_exactly_and_nothing_past_it()
    {
        var source = Enumerable.Range(1, 80).Select(i => (byte)i).ToArray();
        var destination = new byte[source.Length + 8];
        for (var length = 0; length <= source.Length; length++)
        {
            destination.AsSpan().Fill(0xEE);
            ShortCopy.Copy(source.AsSpan(0, length), destination);
            Assert.Equal(source[..length], destination[..length]);
            Assert.All(destination[length..], b => Assert.Equal(0xEE, b));
        }
    }

    [Fact]
    public void A_destination_shorter_than_the_source_is_refused() =>
        Assert.ThrowsAny<ArgumentException>(() => ShortCopy.Copy(new byte[12], new byte[11]));
}
