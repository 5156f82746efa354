namespace AuditSentinel.Tables.Redaction;

/// <summary>Why a line of keystrokes was redacted.</summary>
public enum TtyRedactionRule
{
    /// <summary>Not redacted.</summary>
    None,
    /// <summary>
    /// The record belongs to a prompt-reading program (<see cref="TtyRedactionOptions.PromptPrograms"/>) and the line
    /// ended in <c>&lt;nl&gt;</c> or with the data: a canonical-mode read, which is how password prompts read.
    /// </summary>
    PromptProgram,
    /// <summary>
    /// The record is a relayed session (<see cref="TtyRedactionOptions.RelayPrograms"/>) and the line follows a command
    /// that prompts for secrets (<c>passwd</c>, <c>su</c>, <c>sudo</c>, <c>ssh</c>, <c>mysql -p</c>...).
    /// </summary>
    PromptContext,
}
