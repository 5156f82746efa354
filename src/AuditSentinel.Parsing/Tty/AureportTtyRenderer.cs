using System.Buffers;
using System.Text;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Tty;

/// <summary>
/// Renders keystrokes exactly as <c>aureport --tty</c> prints its data column (audit-userspace
/// <c>src/ausearch-lookup.c</c> <c>print_tty_data</c>): named keys as <c>&lt;ret&gt;</c>, <c>&lt;up&gt;</c>,
/// <c>&lt;^U&gt;</c>...; runs of other bytes in double quotes with <c>"</c> and <c>\</c> backslash-escaped and bytes
/// outside 0x20-0x7E as three-digit octal escapes; items separated by commas.
/// </summary>
public static class AureportTtyRenderer
{
    // The most characters one input byte can produce: a one-byte key with the longest one-byte name, ",<backspace>".
    private const int MaxCharsPerByte = 12;

    /// <summary>Renders a record's <c>data=</c> field: decoded when hex, otherwise as written (quotes included), as aureport does.</summary>
    public static string Render(in AuditField field)
    {
        switch (TtyData.GetForm(field))
        {
            case TtyDataForm.Hex:
                var length = TtyData.GetDecodedLength(field);
                var rented = ArrayPool<byte>.Shared.Rent(length);
                try
                {
                    var written = TtyData.Decode(field, rented);
                    return Render(rented.AsSpan(0, written));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }

            case TtyDataForm.Quoted:
                return string.Concat("\"", field.RawText, "\"");
            default:
                return field.RawText;
        }
    }

    /// <summary>Renders decoded keystroke bytes.</summary>
    public static string Render(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return string.Empty;
        }

        var buffer = ArrayPool<char>.Shared.Rent(checked(data.Length * MaxCharsPerByte));
        try
        {
            var length = RenderTo(data, buffer);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static int RenderTo(ReadOnlySpan<byte> data, Span<char> output)
    {
        var pos = 0;
        var inQuotes = false;
        var position = 0;
        while (position < data.Length)
        {
            if (position > 0 && !inQuotes)
            {
                output[pos++] = ',';
            }

            // Typed text is mostly bytes printed as they are: a run of them is found with one search and copied whole.
            var plain = data[position..].IndexOfAnyExcept(PrintedAsIs);
            plain = plain < 0 ? data.Length - position : plain;
            if (plain > 0)
            {
                if (!inQuotes)
                {
                    output[pos++] = '"';
                    inQuotes = true;
                }

                pos += Encoding.Latin1.GetChars(data.Slice(position, plain), output[pos..]);
                position += plain;
                continue;
            }

            if (TtyNamedKeys.TryMatch(data[position..], out var keyLength, out var name))
            {
                if (inQuotes)
                {
                    output[pos++] = '"';
                    output[pos++] = ',';
                    inQuotes = false;
                }

                output[pos++] = '<';
                name.CopyTo(output[pos..]);
                pos += name.Length;
                output[pos++] = '>';
                position += keyLength;
                continue;
            }

            if (!inQuotes)
            {
                output[pos++] = '"';
                inQuotes = true;
            }

            pos += WriteQuotedByte(data[position++], output[pos..]);
        }

        if (inQuotes)
        {
            output[pos++] = '"';
        }

        return pos;
    }

    // Bytes from space to '~' except the quote and the backslash: no named key starts with one (TtyNamedKeys.TryMatch)
    // and a quoted run prints them unescaped.
    private static readonly SearchValues<byte> PrintedAsIs = SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b).Where(b => b is not ((byte)'"' or (byte)'\\'))]);

    private static int WriteQuotedByte(byte b, Span<char> output)
    {
        if (b is < 0x20 or > 0x7E)
        {
            output[0] = '\\';
            output[1] = (char)('0' + ((b >> 6) & 7));
            output[2] = (char)('0' + ((b >> 3) & 7));
            output[3] = (char)('0' + (b & 7));
            return 4;
        }

        if (b is (byte)'\\' or (byte)'"')
        {
            output[0] = '\\';
            output[1] = (char)b;
            return 2;
        }

        output[0] = (char)b;
        return 1;
    }
}
