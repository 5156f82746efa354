namespace AuditSentinel.Parsing.Input;

/// <summary>One line of a log, without its terminator. <see cref="Bytes"/> is valid until the reader reads on.</summary>
/// <param name="Bytes">The line's bytes (at most the reader's line limit).</param>
/// <param name="Number">1-based line number in the source.</param>
/// <param name="Truncated">True when the line was longer than the limit and was cut.</param>
public readonly record struct LogLine(ReadOnlyMemory<byte> Bytes, long Number, bool Truncated);
