using System.Buffers;
using System.Text;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// The short-text check reads overlapping pieces of different sizes for each length, so it is compared with a plain
/// search over every length up to three vectors, every position and every byte (and every UTF-16 char at the
/// lengths where each piece size is used).
/// </summary>
public class PlainJsonTextTests
{
    private const int MaxLength = 48;

    // Printable ASCII except the quote and the backslash, the definition the relaxed encoder's output follows.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));

    [Fact]
    public void Every_byte_at_every_position_of_every_length_is_judged_as_a_plain_search_judges_it()
    {
        var text = new byte[MaxLength];
        for (var length = 0; length <= MaxLength; length++)
        {
            Array.Fill(text, (byte)'a');
            Assert.True(PlainJsonText.IsPlain(text.AsSpan(0, length)));
            for (var at = 0; at < length; at++)
            {
                for (var b = 0; b <= byte.MaxValue; b++)
                {
                    text[at] = (byte)b;
                    var expected = !Plain.Contains((char)b);
                    if (PlainJsonText.IsPlain(text.AsSpan(0, length)) == expected)
                    {
                        Assert.Fail($"byte {b:X2} at {at} of {length}: expected plain={!expected}");
                    }
                }

                text[at] = (byte)'a';
            }
        }
    }

    [Fact]
    public void Every_char_at_every_position_of_every_length_is_judged_and_copied_as_ascii_transcoding_does()
    {
        var destination = new byte[MaxLength + 1];
        for (var length = 0; length <= MaxLength; length++)
        {
            var text = new char[length];
            for (var at = 0; at < length; at++)
            {
                // Every char where the pieces change size (lengths 1, 3, 4, 7, 8, 9, 16, 17, 32, 33); elsewhere the bytes' edges.
                var everyChar = length is 1 or 3 or 4 or 7 or 8 or 9 or 16 or 17 or 32 or 33;
                for (var c = 0; c <= char.MaxValue; c = everyChar || c < 0x100 ? c + 1 : c + 0x7F)
                {
                    for (var i = 0; i < length; i++)
                    {
                        text[i] = (char)('A' + ((i * 7) % 26));
                    }

                    text[at] = (char)c;
                    AssertNarrowed(text, destination, $"char {c:X4} at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void Plain_text_longer_than_many_vectors_is_copied_whole_and_nothing_past_it()
    {
        for (var length = 1; length < 300; length += 7)
        {
            var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)(' ' + 3 + (i % 90))).Where(c => c is not ('"' or '\\')));
            var destination = new byte[text.Length + 16];
            destination.AsSpan().Fill(0xEE);
            Assert.True(PlainJsonText.TryNarrow(text, destination));
            Assert.Equal(Encoding.ASCII.GetBytes(text), destination[..text.Length]);
            Assert.All(destination[text.Length..], b => Assert.Equal(0xEE, b));
            Assert.True(PlainJsonText.IsPlain(Encoding.ASCII.GetBytes(text)));
        }
    }

    private static void AssertNarrowed(char[] text, byte[] destination, string what)
    {
        var expected = !text.AsSpan().ContainsAnyExcept(Plain);
        destination.AsSpan().Fill(0xEE);
        var narrowed = PlainJsonText.TryNarrow(text, destination);
        if (narrowed != expected)
        {
            Assert.Fail($"{what}: expected plain={expected}");
        }

        if (narrowed && (!destination.AsSpan(0, text.Length).SequenceEqual(Encoding.ASCII.GetBytes(text)) || destination[text.Length] != 0xEE))
        {
            Assert.Fail($"{what}: copied {Convert.ToHexString(destination)}");
        }
    }
}
