namespace AuditSentinel.Floor;

/// <summary>
/// Writes each record as one JSON object line, <c>{"name":"value",...}</c>, the fields in their order in the line, into
/// a buffer written to the output when full. A record without fields writes nothing.
/// </summary>
internal sealed class JsonLineWriter(Stream output, int capacity)
{
    // A field's quotes, colon and separator, and the record's closing brace and line end after it.
    private const int Punctuation = 8;

    private byte[] _buffer = new byte[capacity];
    private int _length;
    private bool _inRecord;

    /// <summary>The records written.</summary>
    internal long Records { get; private set; }

    /// <summary>The bytes handed to the output.</summary>
    internal long BytesWritten { get; private set; }

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
        buffer[at] = (byte)'"';
        buffer[at + 1] = (byte)':';
        buffer[at + 2] = (byte)'"';
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
