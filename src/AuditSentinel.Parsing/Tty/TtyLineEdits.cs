namespace AuditSentinel.Parsing.Tty;

/// <summary>The editing keys that shaped a reconstructed line.</summary>
[Flags]
public enum TtyLineEdits
{
    /// <summary>Typed straight through.</summary>
    None = 0,
    /// <summary>Backspace/DEL, Delete, ^U, ^W or ^K removed text; the reconstruction applied them.</summary>
    Erased = 1,
    /// <summary>Left/right, Home/End, ^A/^E/^B/^F moved the cursor; applied as readline (emacs mode) does.</summary>
    CursorMoved = 2,
    /// <summary>Up/down, ^P/^N or ^R recalled history: text the keystrokes do not contain.</summary>
    HistoryRecall = 4,
    /// <summary>Tab asked for completion: the completed text is not in the keystrokes.</summary>
    Completion = 8,
    /// <summary>Other control keys or escape sequences whose effect is not modelled.</summary>
    OtherKeys = 16,
    /// <summary>The keys the reconstruction cannot follow: the line's text may differ from what the program received.</summary>
    Unfollowable = HistoryRecall | Completion | OtherKeys,
}
