using System.Buffers;
using System.Text;

namespace AuditSentinel.Floor;

/// <summary>Text as the inside of a JSON string: quotes, backslashes and controls escaped, invalid UTF-8 as U+FFFD.</summary>
internal static class JsonEscaping
{
    /// <summary>The most bytes one byte of text can take escaped (<c>\u00XX</c>, or U+FFFD's escape for one invalid byte).</summary>
    internal const int MaxBytesPerByte = 6;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>
    /// Writes <paramref name="text"/> escaped to <paramref name="destination"/> (at least
    /// <see cref="MaxBytesPerByte"/> times its length) and returns the bytes written.
    /// </summary>
    internal static int Write(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            var b = text[i];
            if (b >= 0x80)
            {
                if (Rune.DecodeFromUtf8(text[i..], out _, out var consumed) == OperationStatus.Done)
                {
                    text.Slice(i, consumed).CopyTo(destination[written..]);
                    written += consumed;
                }
                else
                {
                    written += WriteUnicodeEscape(0xFFFD, destination[written..]);
                }

                i += consumed;
                continue;
            }

            if (b is (byte)'"' or (byte)'\\')
            {
                destination[written++] = (byte)'\\';
                destination[written++] = b;
            }
            else if (b < 0x20)
            {
                written += WriteUnicodeEscape(b, destination[written..]);
            }
            else
            {
                destination[written++] = b;
            }

            i++;
        }

        return written;
    }

    private static int WriteUnicodeEscape(int code, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        destination[1] = (byte)'u';
        destination[2] = HexDigits[(code >> 12) & 0xF];
        destination[3] = HexDigits[(code >> 8) & 0xF];
        destination[4] = HexDigits[(code >> 4) & 0xF];
        destination[5] = HexDigits[code & 0xF];
        return 6;
    }
}
