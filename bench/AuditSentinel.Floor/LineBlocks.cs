namespace AuditSentinel.Floor;

/// <summary>
/// Reads a stream in large blocks and hands out runs of whole lines, each ending with a line end: the part of a line
/// a read cut off is carried to the next block, a line longer than a block grows it, and a last line without a line
/// end gets one. Each run comes with <see cref="Padding"/> bytes after it in the same buffer, so that a reader can load
/// a whole vector or map word from any position in the run.
/// </summary>
internal sealed class LineBlocks(Stream input, int blockSize)
{
    /// <summary>The bytes after each run that belong to the buffer (of no meaning).</summary>
    internal const int Padding = DelimiterMaps.BytesPerWord;

    // The room kept past the most a read fills: the padding, and the line end given to a last line without one.
    private const int Room = Padding + 1;

    private byte[] _buffer = new byte[blockSize + Room];
    private int _start;
    private int _end;
    private bool _atEnd;

    /// <summary>
    /// The next run of whole lines, as the first <paramref name="length"/> bytes of <paramref name="block"/>, which
    /// holds <see cref="Padding"/> more; false at the end of the input.
    /// </summary>
    internal bool TryRead(out ReadOnlySpan<byte> block, out int length)
    {
        while (true)
        {
            var held = _buffer.AsSpan(_start, _end - _start);
            var lastLineEnd = held.LastIndexOf((byte)'\n');
            if (lastLineEnd >= 0)
            {
                length = lastLineEnd + 1;
                block = _buffer.AsSpan(_start, length + Padding);
                _start += length;
                return true;
            }

            if (_atEnd)
            {
                if (held.IsEmpty)
                {
                    block = default;
                    length = 0;
                    return false;
                }

                // The last line has no line end: it gets one, in that room.
                _buffer[_end++] = (byte)'\n';
                continue;
            }

            Fill();
        }
    }

    // Moves the carried part of a line to the front, growing the buffer when that part fills it, and reads after it.
    private void Fill()
    {
        var carried = _end - _start;
        if (carried == _buffer.Length - Room)
        {
            Array.Resize(ref _buffer, (2 * carried) + Room);
        }

        _buffer.AsSpan(_start, carried).CopyTo(_buffer);
        _start = 0;
        _end = carried;
        var read = input.ReadAtLeast(_buffer.AsSpan(_end, _buffer.Length - Room - _end), 1, throwOnEndOfStream: false);
        _end += read;
        _atEnd = read == 0;
    }
}
