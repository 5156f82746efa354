namespace AuditSentinel.Floor;

/// <summary>What is done with the fields a <see cref="RecordScanner"/> finds; a struct, so the scan is compiled per sink.</summary>
internal interface IFieldSink
{
    /// <summary>Whether <see cref="Field"/> is told if its name and value need JSON escaping (a search the scan skips otherwise).</summary>
    static abstract bool WantsEscapes { get; }

    /// <summary>One field of the current record, as written in the line.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value, without its quotes.</param>
    /// <param name="plain">True when neither holds a byte JSON must escape (false, meaning unknown, when <see cref="WantsEscapes"/> is false).</param>
    void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool plain);

    /// <summary>The current record's line has ended.</summary>
    void EndRecord();
}
