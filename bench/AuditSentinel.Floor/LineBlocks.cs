namespace AuditSentinel.Floor;

/// <summary>
/// Reads a stream in large blocks and hands out runs of whole lines, each ending with a line end: the part of a line
/// a read cut off is carried to the next block, a line longer than a block grows it, and a last line without a line
/// end gets one.
/// </summary>
internal sealed class LineBlocks(Stream input, int blockSize)
{
    private byte[] _buffer = new byte[blockSize + DelimiterMaps.BytesPerWord];
    private int _start;
    private int _end;
    private bool _atEnd;

    /// <summary>
    /// The next run of whole lines (<paramref name="lines"/>), and the same run rounded up to a multiple of
    /// <see cref="DelimiterMaps.BytesPerWord"/> with the bytes after it (<paramref name="words"/>, for
    /// <see cref="DelimiterMaps.Mark"/>); false at the end of the input.
    /// </summary>
    internal bool TryRead(out ReadOnlySpan<byte> lines, out ReadOnlySpan<byte> words)
    {
        while (true)
        {
            var held = _buffer.AsSpan(_start, _end - _start);
            var lastLineEnd = held.LastIndexOf((byte)'\n');
            if (lastLineEnd >= 0)
            {
                var length = lastLineEnd + 1;
                // The buffer keeps a word of room past the most it reads, so the rounded run stays inside it.
                words = _buffer.AsSpan(_start, (length + DelimiterMaps.BytesPerWord - 1) & -DelimiterMaps.BytesPerWord);
                lines = held[..length];
                _start += length;
                return true;
            }

            if (_atEnd)
            {
                if (held.IsEmpty)
                {
                    lines = default;
                    words = default;
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
        if (carried == _buffer.Length - DelimiterMaps.BytesPerWord)
        {
            Array.Resize(ref _buffer, (2 * carried) + DelimiterMaps.BytesPerWord);
        }

        _buffer.AsSpan(_start, carried).CopyTo(_buffer);
        _start = 0;
        _end = carried;
        var read = input.ReadAtLeast(_buffer.AsSpan(_end, _buffer.Length - DelimiterMaps.BytesPerWord - _end), 1, throwOnEndOfStream: false);
        _end += read;
        _atEnd = read == 0;
    }
}
