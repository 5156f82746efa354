namespace AuditSentinel.Floor;

/// <summary>What is done with the fields a <see cref="RecordScanner"/> finds; a struct, so the scan is compiled per sink.</summary>
internal interface IFieldSink
{
    /// <summary>Whether <see cref="Field"/> is told if its name and value need JSON escaping (a search the scan skips otherwise).</summary>
    static abstract bool WantsEscapes { get; }

    /// <summary>One field of the current record, as written in the line.</summary>
    /// <param name="block">The block of lines, with <see cref="LineBlocks.Padding"/> bytes after them.</param>
    /// <param name="nameStart">Where the name starts in the block.</param>
    /// <param name="nameEnd">Where it ends.</param>
    /// <param name="valueStart">Where the value starts, after its opening quote.</param>
    /// <param name="valueEnd">Where it ends, before its closing quote.</param>
    /// <param name="plain">True when neither holds a byte JSON must escape (false, meaning unknown, when <see cref="WantsEscapes"/> is false).</param>
    void Field(ReadOnlySpan<byte> block, int nameStart, int nameEnd, int valueStart, int valueEnd, bool plain);

    /// <summary>The current record's line has ended.</summary>
    void EndRecord();
}
