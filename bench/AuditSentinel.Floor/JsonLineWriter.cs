using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Floor;

/// <summary>
/// Writes each record as one JSON object line, <c>{"name":"value",...}</c>, the fields in their order in the line, into
/// a buffer written to the output when full. A record without fields writes nothing.
/// </summary>
internal sealed class JsonLineWriter(Stream output, int capacity)
{
    // A field's quotes, colon and separator, and the record's closing brace and line end after it.
    private const int Punctuation = 8;

    // Names and values up to this long are copied as one vector, whatever their length: most are (15 bytes a field in
    // the corpus), and a copy call each cost more than the rest of a field's writing.
    private const int CopyWidth = 32;

    // '"', ':', '"' and a fourth byte the value overwrites, stored as one number.
    private const uint NameValueSeparator = '"' | (':' << 8) | ('"' << 16);

    private byte[] _buffer = new byte[capacity];
    private int _length;
    private bool _inRecord;

    /// <summary>The records written.</summary>
    internal long Records { get; private set; }

    /// <summary>The bytes handed to the output.</summary>
    internal long BytesWritten { get; private set; }

    /// <summary>
    /// Adds a field of a line in <paramref name="block"/> (which holds <see cref="LineBlocks.Padding"/> bytes after
    /// its lines) to the current record, its name and value escaped unless <paramref name="plain"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Field(ReadOnlySpan<byte> block, int nameStart, int nameEnd, int valueStart, int valueEnd, bool plain)
    {
        var nameLength = nameEnd - nameStart;
        var valueLength = valueEnd - valueStart;
        if (!plain || nameLength > CopyWidth || valueLength > CopyWidth)
        {
            FieldOutOfLine(block[nameStart..nameEnd], block[valueStart..valueEnd], plain);
            return;
        }

        // Room for the text, the punctuation and the last vector store's bytes past the value's end.
        if (_buffer.Length - _length < nameLength + valueLength + Punctuation + CopyWidth)
        {
            MakeRoom(nameLength + valueLength + Punctuation + CopyWidth);
        }

        // Unchecked from here: the room above holds every store (the name's vector ends before the value's, which
        // ends within the room), and each load reads CopyWidth bytes from a position in the block's lines, inside
        // the Padding after them (the tests run fields of up to CopyWidth bytes at a block's very end). The checked
        // version cost 130 instructions a field against about 40 (callgrind, corpus-5MB).
        ref var line = ref MemoryMarshal.GetReference(block);
        ref var target = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _length);
        target = _inRecord ? (byte)',' : (byte)'{';
        Unsafe.Add(ref target, 1) = (byte)'"';
        Vector256.LoadUnsafe(ref line, (nuint)nameStart).StoreUnsafe(ref target, 2);
        var at = 2 + nameLength;
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at), NameValueSeparator);
        at += 3;
        Vector256.LoadUnsafe(ref line, (nuint)valueStart).StoreUnsafe(ref target, (nuint)at);
        at += valueLength;
        Unsafe.Add(ref target, at) = (byte)'"';
        _length += at + 1;
        _inRecord = true;
    }

    /// <summary>Adds a field to the current record, its name and value escaped unless <paramref name="plain"/>.</summary>
    internal void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool plain)
    {
        var textLength = name.Length + value.Length;
        var room = (plain ? textLength : JsonEscaping.MaxBytesPerByte * textLength) + Punctuation;
        if (_buffer.Length - _length < room)
        {
            MakeRoom(room);
        }

        var buffer = _buffer.AsSpan(_length);
        buffer[0] = _inRecord ? (byte)',' : (byte)'{';
        buffer[1] = (byte)'"';
        var at = 2 + Text(name, buffer[2..], plain);
        "\":\""u8.CopyTo(buffer[at..]);
        at += 3;
        at += Text(value, buffer[at..], plain);
        buffer[at] = (byte)'"';
        _length += at + 1;
        _inRecord = true;
    }

    /// <summary>Closes the current record, if it has a field.</summary>
    internal void EndRecord()
    {
        if (!_inRecord)
        {
            return;
        }

        // Room was kept for this by the last field.
        _buffer[_length] = (byte)'}';
        _buffer[_length + 1] = (byte)'\n';
        _length += 2;
        _inRecord = false;
        Records++;
    }

    /// <summary>Hands what the buffer holds to the output.</summary>
    internal void Flush()
    {
        output.Write(_buffer, 0, _length);
        BytesWritten += _length;
        _length = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FieldOutOfLine(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool plain) => Field(name, value, plain);

    private static int Text(ReadOnlySpan<byte> text, Span<byte> destination, bool plain)
    {
        if (!plain)
        {
            return JsonEscaping.Write(text, destination);
        }

        text.CopyTo(destination);
        return text.Length;
    }

    private void MakeRoom(int room)
    {
        Flush();
        if (_buffer.Length < room)
        {
            _buffer = new byte[room * 2];
        }
    }
}
