using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes JSON as UTF-8 into one reused buffer, byte for byte as <see cref="System.Text.Json.Utf8JsonWriter"/> with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> and no indentation writes it, at the cost of a copy for
/// the text of a row: text is checked for bytes to escape with one vectorized search and copied in bulk when there is
/// none (nearly always); other text goes through the very encoder that writer uses. It checks no structure: the
/// callers (the row columns) write well-formed objects. The buffer is pooled: dispose to give it back. Not thread-safe.
/// </summary>
internal sealed class RowJsonBuffer : IDisposable
{
    private const int MaxEscapedBytesPerUnit = 6; // \uXXXX for one byte of UTF-8 or one UTF-16 char
    private const int MaxUtf8BytesPerChar = 3;
    private const int StackEscapeChars = 512;
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    // Printable ASCII except the quote and the backslash: what the relaxed encoder never escapes.
    private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(PlainAscii().Select(c => (byte)c).ToArray());
    private static readonly SearchValues<char> PlainChars = SearchValues.Create(PlainAscii());

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;
    private bool _needsComma;

    /// <summary>What was written since <see cref="Clear"/>.</summary>
    internal ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Starts over with an empty buffer.</summary>
    internal void Clear()
    {
        _length = 0;
        _needsComma = false;
    }

    internal void WriteStartObject() => WriteOpening((byte)'{');

    internal void WriteEndObject() => WriteClosing((byte)'}');

    internal void WriteStartArray() => WriteOpening((byte)'[');

    internal void WriteEndArray() => WriteClosing((byte)']');

    /// <summary>Writes a property name given as <c>"Name":</c>, already in its JSON form (see <see cref="EncodeName"/>).</summary>
    internal void WriteEncodedPropertyName(ReadOnlySpan<byte> encodedName)
    {
        var destination = Reserve(encodedName.Length + 1);
        var at = 0;
        if (_needsComma)
        {
            destination[at++] = (byte)',';
        }

        encodedName.CopyTo(destination[at..]);
        _length += at + encodedName.Length;
        _needsComma = false;
    }

    /// <summary>Writes a string column: its name as <c>"Name":</c> (see <see cref="EncodeName"/>) and the value, escaped as needed.</summary>
    internal void WriteString(ReadOnlySpan<byte> encodedName, string value)
    {
        var text = value.AsSpan();
        var firstToEscape = text.IndexOfAnyExcept(PlainChars);
        if (firstToEscape < 0)
        {
            WritePlainText(encodedName, text);
            return;
        }

        WriteEncodedPropertyName(encodedName);
        WriteEscapedText(text, firstToEscape);
    }

    /// <summary>Writes <c>"name":"value"</c> from UTF-8 that the caller checked with <see cref="IsPlain"/>: nothing to escape.</summary>
    internal void WritePlainStringProperty(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        Debug.Assert(IsPlain(name) && IsPlain(value), "Only text without anything to escape is written as is.");
        var destination = Reserve(name.Length + value.Length + 6);
        var at = Separator(destination);
        destination[at++] = (byte)'"';
        name.CopyTo(destination[at..]);
        at += name.Length;
        destination[at++] = (byte)'"';
        destination[at++] = (byte)':';
        destination[at++] = (byte)'"';
        value.CopyTo(destination[at..]);
        at += value.Length;
        destination[at++] = (byte)'"';
        _length += at;
        _needsComma = true;
    }

    /// <summary>Writes a property name given as UTF-8 text, escaped as needed.</summary>
    internal void WritePropertyName(ReadOnlySpan<byte> utf8Name)
    {
        WriteText(utf8Name);
        Reserve(1)[0] = (byte)':';
        _length++;
        _needsComma = false;
    }

    /// <summary>Writes a property name given as text, escaped as needed.</summary>
    internal void WritePropertyName(ReadOnlySpan<char> name)
    {
        WriteText(name);
        Reserve(1)[0] = (byte)':';
        _length++;
        _needsComma = false;
    }

    /// <summary>Writes a string value, escaped as needed; null is written as <c>null</c>.</summary>
    internal void WriteStringValue(string? value)
    {
        if (value is null)
        {
            WriteLiteral("null"u8);
            return;
        }

        WriteText(value.AsSpan());
    }

    /// <summary>Writes a string value given as valid UTF-8, escaped as needed.</summary>
    internal void WriteStringValue(ReadOnlySpan<byte> utf8Value) => WriteText(utf8Value);

    internal void WriteNumberValue(long value)
    {
        var destination = Reserve(21);
        var at = Separator(destination);
        Utf8Formatter.TryFormat(value, destination[at..], out var written);
        _length += at + written;
        _needsComma = true;
    }

    internal void WriteBooleanValue(bool value) => WriteLiteral(value ? "true"u8 : "false"u8);

    /// <summary>Writes ISO 8601 UTC with milliseconds (yyyy-MM-ddTHH:mm:ss.fffZ) as a string.</summary>
    internal void WriteDateTimeValue(DateTimeOffset value)
    {
        // Digit by digit: a custom DateTime format string costs more than the rest of the row's scalar columns together.
        var utc = value.UtcDateTime;
        utc.Deconstruct(out int year, out int month, out int day);
        var time = utc.TimeOfDay;
        var destination = Reserve(27);
        var at = Separator(destination);
        var text = destination.Slice(at, 26);
        text[0] = (byte)'"';
        Digits(text.Slice(1, 4), year);
        text[5] = (byte)'-';
        Digits(text.Slice(6, 2), month);
        text[8] = (byte)'-';
        Digits(text.Slice(9, 2), day);
        text[11] = (byte)'T';
        Digits(text.Slice(12, 2), time.Hours);
        text[14] = (byte)':';
        Digits(text.Slice(15, 2), time.Minutes);
        text[17] = (byte)':';
        Digits(text.Slice(18, 2), time.Seconds);
        text[20] = (byte)'.';
        Digits(text.Slice(21, 3), time.Milliseconds);
        text[24] = (byte)'Z';
        text[25] = (byte)'"';
        _length += at + 26;
        _needsComma = true;
    }

    /// <summary>True when the UTF-8 text is written as it is: printable ASCII without a quote or a backslash.</summary>
    internal static bool IsPlain(ReadOnlySpan<byte> utf8) => !utf8.ContainsAnyExcept(PlainBytes);

    /// <summary>The JSON form <c>"Name":</c> of a name that needs no escaping (a schema column name).</summary>
    internal static byte[] EncodeName(string name)
    {
        if (name.AsSpan().ContainsAnyExcept(PlainChars))
        {
            throw new ArgumentException($"'{name}' needs escaping; column names are plain ASCII.", nameof(name));
        }

        return Encoding.ASCII.GetBytes("\"" + name + "\":");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private static string PlainAscii()
    {
        var plain = new StringBuilder();
        for (var c = ' '; c <= '~'; c++)
        {
            if (c is not ('"' or '\\'))
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private void WriteOpening(byte bracket)
    {
        var destination = Reserve(2);
        var at = Separator(destination);
        destination[at] = bracket;
        _length += at + 1;
        _needsComma = false;
    }

    private void WriteClosing(byte bracket)
    {
        Reserve(1)[0] = bracket;
        _length++;
        _needsComma = true;
    }

    private void WriteLiteral(ReadOnlySpan<byte> literal)
    {
        var destination = Reserve(literal.Length + 1);
        var at = Separator(destination);
        literal.CopyTo(destination[at..]);
        _length += at + literal.Length;
        _needsComma = true;
    }

    private void WriteText(ReadOnlySpan<byte> utf8)
    {
        var firstToEscape = utf8.IndexOfAnyExcept(PlainBytes);
        var destination = Reserve(3 + (firstToEscape < 0 ? utf8.Length : firstToEscape + ((utf8.Length - firstToEscape) * MaxEscapedBytesPerUnit)));
        var at = Separator(destination);
        destination[at++] = (byte)'"';
        if (firstToEscape < 0)
        {
            utf8.CopyTo(destination[at..]);
            at += utf8.Length;
        }
        else
        {
            utf8[..firstToEscape].CopyTo(destination[at..]);
            at += firstToEscape;
            if (Encoder.EncodeUtf8(utf8[firstToEscape..], destination[at..], out _, out var written) != OperationStatus.Done)
            {
                throw new ArgumentException("The text cannot be escaped.", nameof(utf8));
            }

            at += written;
        }

        destination[at++] = (byte)'"';
        _length += at;
        _needsComma = true;
    }

    private void WriteText(ReadOnlySpan<char> text)
    {
        var firstToEscape = text.IndexOfAnyExcept(PlainChars);
        if (firstToEscape < 0)
        {
            WritePlainText(default, text);
            return;
        }

        WriteEscapedText(text, firstToEscape);
    }

    // The encoded property name (none for an array item) and text that needs no escaping, in one reservation.
    private void WritePlainText(ReadOnlySpan<byte> encodedName, ReadOnlySpan<char> text)
    {
        var destination = Reserve(encodedName.Length + text.Length + 3);
        var at = Separator(destination);
        encodedName.CopyTo(destination[at..]);
        at += encodedName.Length;
        destination[at++] = (byte)'"';
        Ascii.FromUtf16(text, destination[at..], out _);
        at += text.Length;
        destination[at++] = (byte)'"';
        _length += at;
        _needsComma = true;
    }

    // As Utf8JsonWriter does for UTF-16 text: escape with the encoder (which also settles lone surrogates), then transcode.
    private void WriteEscapedText(ReadOnlySpan<char> text, int firstToEscape)
    {
        var maxEscaped = firstToEscape + ((text.Length - firstToEscape) * MaxEscapedBytesPerUnit);
        char[]? rented = null;
        var escaped = maxEscaped <= StackEscapeChars ? stackalloc char[StackEscapeChars] : (rented = ArrayPool<char>.Shared.Rent(maxEscaped));
        try
        {
            text[..firstToEscape].CopyTo(escaped);
            if (Encoder.Encode(text[firstToEscape..], escaped[firstToEscape..], out _, out var written, isFinalBlock: true) != OperationStatus.Done)
            {
                throw new ArgumentException("The text cannot be escaped.", nameof(text));
            }

            var escapedText = escaped[..(firstToEscape + written)];
            var destination = Reserve((escapedText.Length * MaxUtf8BytesPerChar) + 3);
            var at = Separator(destination);
            destination[at++] = (byte)'"';
            if (Utf8.FromUtf16(escapedText, destination[at..], out _, out var bytes, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw new ArgumentException("The text is not valid UTF-16.", nameof(text));
            }

            at += bytes;
            destination[at++] = (byte)'"';
            _length += at;
            _needsComma = true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private int Separator(Span<byte> destination)
    {
        if (!_needsComma)
        {
            return 0;
        }

        destination[0] = (byte)',';
        return 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        return _buffer.AsSpan(_length);
    }

    private void Grow(int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
