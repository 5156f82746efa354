using AuditSentinel.Parsing.Tty;

namespace AuditSentinel.Tables.Redaction;

/// <summary>The keystrokes of one record as they may leave the host.</summary>
/// <param name="Input">aureport's rendering, with each redacted line's keys replaced by <see cref="TtyRedactionOptions.Marker"/> (its terminator kept).</param>
/// <param name="Lines">The reconstructed lines, a redacted one with the marker as text and no edit flags.</param>
/// <param name="Redacted">True when at least one line was redacted.</param>
/// <param name="Reason">Which rule fired on which line (never the secret); null when nothing was redacted.</param>
public sealed record TtyRedactionResult(string Input, IReadOnlyList<TtyLine> Lines, bool Redacted, string? Reason);
