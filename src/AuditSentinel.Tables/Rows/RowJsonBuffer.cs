using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes JSON as UTF-8 into one reused buffer, byte for byte as <see cref="System.Text.Json.Utf8JsonWriter"/> with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> and no indentation writes it, at the cost of a copy for
/// the text of a row: text is checked for bytes to escape and copied in one vectorized pass
/// (<see cref="PlainJsonText"/>) when there is none (nearly always); other text goes through the very encoder that
/// writer uses. It checks no structure: the callers (the row columns) write well-formed objects. The buffer is pooled:
/// dispose to give it back. Not thread-safe.
/// </summary>
internal sealed partial class RowJsonBuffer : IDisposable
{
    private const int MaxEscapedBytesPerUnit = 6; // \uXXXX for one byte of UTF-8 or one UTF-16 char
    private const int MaxUtf8BytesPerChar = 3;
    private const int StackEscapeChars = 512;
    private const int MaxNumberLength = 20; // -9223372036854775808
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    // Printable ASCII except the quote and the backslash: what the relaxed encoder never escapes.
    private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(PlainAscii().Select(c => (byte)c).ToArray());
    private static readonly SearchValues<char> PlainChars = SearchValues.Create(PlainAscii());
    private static readonly ulong TrueBytes = BitConverter.ToUInt64("true\0\0\0\0"u8);
    private static readonly ulong FalseBytes = BitConverter.ToUInt64("false\0\0\0"u8);

    private readonly UtcTimestampText _timestamps = new();
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

    /// <summary>Starts an array column: its name (see <see cref="EncodeName"/>) and <c>[</c>.</summary>
    internal void WriteStartArray(ColumnPrefix encodedName) => WriteStartProperty(encodedName, (byte)'[');

    /// <summary>Starts an object column: its name (see <see cref="EncodeName"/>) and <c>{</c>.</summary>
    internal void WriteStartObject(ColumnPrefix encodedName) => WriteStartProperty(encodedName, (byte)'{');

    /// <summary>Writes a property name given as a column's prefix (see <see cref="EncodeName"/>): <c>"Name":</c>.</summary>
    internal void WriteEncodedPropertyName(ColumnPrefix encodedName)
    {
        _length += encodedName.CopyTo(ref Room(ColumnPrefix.Window), _needsComma, quote: false);
        _needsComma = false;
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void WriteStringValue(string? value)
    {
        if (value is null || value.Length > PlainJsonText.ShortChars)
        {
            WriteOtherStringValue(value);
            return;
        }

        // The comma is stored whatever comes before: the opening quote goes over it when no comma is due.
        ref var at = ref Room(PlainJsonText.ShortChars + 3);
        at = (byte)',';
        var open = _needsComma ? 1 : 0;
        Unsafe.Add(ref at, open) = (byte)'"';
        ref var text = ref Unsafe.Add(ref at, open + 1);
        if (!PlainJsonText.TryNarrowShort(value, ref text))
        {
            WriteEscapedText(value, value.AsSpan().IndexOfAnyExcept(PlainChars));
            return;
        }

        Unsafe.Add(ref text, value.Length) = (byte)'"';
        _length += open + value.Length + 2;
        _needsComma = true;
    }

    /// <summary>Writes a string value given as valid UTF-8, escaped as needed.</summary>
    internal void WriteStringValue(ReadOnlySpan<byte> utf8Value) => WriteText(utf8Value);

    internal void WriteNumberValue(long value)
    {
        ref var destination = ref Room(MaxNumberLength + 1);
        destination = (byte)',';
        var at = _needsComma ? 1 : 0;
        _length += at + FormatNumber(value, ref Unsafe.Add(ref destination, at));
        _needsComma = true;
    }

    /// <summary>The JSON prefix <c>,"Name":"</c> of a column whose name needs no escaping (a schema column name).</summary>
    internal static ColumnPrefix EncodeName(string name)
    {
        if (name.AsSpan().ContainsAnyExcept(PlainChars))
        {
            throw new ArgumentException($"'{name}' needs escaping; column names are plain ASCII.", nameof(name));
        }

        return new ColumnPrefix(Encoding.ASCII.GetBytes(",\"" + name + "\":\""));
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

    // Ids, counts and flags: nearly half the numbers of a row are one digit, and nearly all the rest fit 32 bits.
    // Inlined into the number writes: a call of its own cost as much as its one-digit case.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FormatNumber(long value, ref byte destination)
    {
        if ((ulong)value < 10)
        {
            destination = (byte)('0' + value);
            return 1;
        }

        if ((ulong)value <= uint.MaxValue)
        {
            return DecimalDigits.Write((uint)value, ref destination);
        }

        Utf8Formatter.TryFormat(value, MemoryMarshal.CreateSpan(ref destination, MaxNumberLength), out var written);
        return written;
    }

    /// <summary>A string column longer than the short path takes, or one to escape: in a call of its own, out of the column writes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void WriteOtherString(ColumnPrefix encodedName, string value)
    {
        if (value.Length <= PlainJsonText.ShortChars)
        {
            WriteEscapedString(encodedName, value);
            return;
        }

        ref var at = ref Room(ColumnPrefix.Window + value.Length + 1);
        var prefix = encodedName.CopyTo(ref at, _needsComma, quote: true);
        if (!PlainJsonText.TryNarrow(value, _buffer.AsSpan(_length + prefix, value.Length + 1)))
        {
            WriteEscapedString(encodedName, value);
            return;
        }

        _buffer[_length + prefix + value.Length] = (byte)'"';
        _length += prefix + value.Length + 1;
        _needsComma = true;
    }

    // The null item and the long one, out of the inlined item write.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteOtherStringValue(string? value)
    {
        if (value is null)
        {
            WriteRawValue("null"u8);
            return;
        }

        WriteText(value.AsSpan());
    }

    private void WriteEscapedString(ColumnPrefix encodedName, ReadOnlySpan<char> text)
    {
        WriteEncodedPropertyName(encodedName);
        WriteEscapedText(text, text.IndexOfAnyExcept(PlainChars));
    }

    // The prefix is copied with its quote and the bracket written over the quote: one copy for the name and the bracket.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteStartProperty(ColumnPrefix encodedName, byte bracket)
    {
        ref var at = ref Room(ColumnPrefix.Window);
        var length = encodedName.CopyTo(ref at, _needsComma, quote: true);
        Unsafe.Add(ref at, length - 1) = bracket;
        _length += length;
        _needsComma = false;
    }

    private void WriteOpening(byte bracket)
    {
        var destination = Reserve(2);
        var at = Separator(destination);
        destination[at] = bracket;
        _length += at + 1;
        _needsComma = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteClosing(byte bracket)
    {
        Reserve(1)[0] = bracket;
        _length++;
        _needsComma = true;
    }

    /// <summary>
    /// Writes a value that is JSON already (a literal, or a map kept as its JSON object), with the comma due before it.
    /// </summary>
    internal void WriteRawValue(ReadOnlySpan<byte> json)
    {
        var destination = Reserve(json.Length + 1);
        var at = Separator(destination);
        ShortCopy.Copy(json, destination[at..]);
        _length += at + json.Length;
        _needsComma = true;
    }

    private void WriteText(ReadOnlySpan<byte> utf8)
    {
        if (!PlainJsonText.IsPlain(utf8))
        {
            WriteEscapedText(utf8);
            return;
        }

        var destination = Reserve(utf8.Length + 3);
        var at = Separator(destination);
        destination[at++] = (byte)'"';
        ShortCopy.Copy(utf8, destination[at..]);
        at += utf8.Length;
        destination[at++] = (byte)'"';
        _length += at;
        _needsComma = true;
    }

    private void WriteEscapedText(ReadOnlySpan<byte> utf8)
    {
        var firstToEscape = utf8.IndexOfAnyExcept(PlainBytes);
        var destination = Reserve(3 + firstToEscape + ((utf8.Length - firstToEscape) * MaxEscapedBytesPerUnit));
        var at = Separator(destination);
        destination[at++] = (byte)'"';
        utf8[..firstToEscape].CopyTo(destination[at..]);
        at += firstToEscape;
        if (Encoder.EncodeUtf8(utf8[firstToEscape..], destination[at..], out _, out var written) != OperationStatus.Done)
        {
            throw new ArgumentException("The text cannot be escaped.", nameof(utf8));
        }

        at += written;
        destination[at++] = (byte)'"';
        _length += at;
        _needsComma = true;
    }

    private void WriteText(ReadOnlySpan<char> text)
    {
        var destination = Reserve(text.Length + 3);
        var at = Separator(destination);
        destination[at++] = (byte)'"';
        if (PlainJsonText.TryNarrow(text, destination[at..]))
        {
            at += text.Length;
            destination[at++] = (byte)'"';
            _length += at;
            _needsComma = true;
            return;
        }

        WriteEscapedText(text, text.IndexOfAnyExcept(PlainChars));
    }

    // As Utf8JsonWriter does for UTF-16 text: escape with the encoder (which also settles lone surrogates), then transcode.
    private void WriteEscapedText(ReadOnlySpan<char> text, int firstToEscape)
    {
        if (!text[firstToEscape..].ContainsAnyExceptInRange(' ', '~'))
        {
            WriteQuotedAscii(text);
            return;
        }

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

    // Printable ASCII whose only escapes are quotes and backslashes (keystrokes and command lines that quote what was
    // typed): the relaxed encoder writes each as a backslash and itself, so the text is copied a run at a time.
    private void WriteQuotedAscii(ReadOnlySpan<char> text)
    {
        var destination = Reserve(3 + (2 * text.Length));
        var at = Separator(destination);
        destination[at++] = (byte)'"';
        while (true)
        {
            var special = text.IndexOfAny('"', '\\');
            var run = special < 0 ? text : text[..special];
            Ascii.FromUtf16(run, destination[at..], out var written);
            at += written;
            if (special < 0)
            {
                break;
            }

            destination[at++] = (byte)'\\';
            destination[at++] = (byte)text[special];
            text = text[(special + 1)..];
        }

        destination[at++] = (byte)'"';
        _length += at;
        _needsComma = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    /// <summary>
    /// <see cref="Reserve"/> for the column writes, which store through references without a range check per store:
    /// the one bound they rely on is this, that <paramref name="count"/> bytes from the reference returned lie in the
    /// buffer (each write asks for the most its stores can reach, vector stores past its text included).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Room(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _length);
    }

    private void Grow(int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
