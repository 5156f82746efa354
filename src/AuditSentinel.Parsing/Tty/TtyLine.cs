namespace AuditSentinel.Parsing.Tty;

/// <summary>One line a user entered, reconstructed from keystrokes.</summary>
/// <param name="Text">The line after applying the edits (UTF-8; invalid bytes become U+FFFD).</param>
/// <param name="End">How the line ended.</param>
/// <param name="Edits">The editing keys seen on the line.</param>
/// <param name="Start">Offset of the line's first keystroke byte in the record's data.</param>
/// <param name="Length">Number of keystroke bytes of the line, its terminator included.</param>
public sealed record TtyLine(string Text, TtyLineEnd End, TtyLineEdits Edits, int Start, int Length)
{
    /// <summary>True when keys the reconstruction cannot follow (history, completion, unknown sequences) shaped the line.</summary>
    public bool Edited => (Edits & TtyLineEdits.Unfollowable) != TtyLineEdits.None;
}
