namespace AuditSentinel.Parsing.Tty;

/// <summary>How a reconstructed line ended.</summary>
public enum TtyLineEnd : byte
{
    /// <summary>Carriage return (<c>&lt;ret&gt;</c>): Enter read in raw mode, as readline shells read it.</summary>
    Return,
    /// <summary>Line feed (<c>&lt;nl&gt;</c>): Enter read in canonical mode (ICRNL), as password prompts read it, or Ctrl-J.</summary>
    Newline,
    /// <summary>Ctrl-C (<c>&lt;^C&gt;</c>): the line was cancelled; its text is kept but was never run.</summary>
    Interrupt,
    /// <summary>The data ended before a line terminator.</summary>
    EndOfData,
}
