using System.Globalization;
using System.Text;
using AuditSentinel.Parsing.Tty;

namespace AuditSentinel.Tables.Redaction;

/// <summary>
/// Keeps secrets typed at password prompts out of TTY rows. pam_tty_audit with <c>log_passwd</c> records echo-off
/// input under the comm of the program that read it; the kernel flushes a record whenever the terminal switches
/// between canonical and raw mode, so one record is either all canonical (lines end in <c>&lt;nl&gt;</c>: password
/// prompts, <c>read</c>) or all raw (lines end in <c>&lt;ret&gt;</c>: readline shells, session relays).
/// <list type="bullet">
/// <item><see cref="TtyRedactionRule.PromptProgram"/>: in a record of a prompt-reading program (sudo, su, passwd,
/// ssh, gpg, kinit, mysql...), a line ending in <c>&lt;nl&gt;</c> or with the data is a prompt answer. Lines ending
/// in <c>&lt;ret&gt;</c> or ^C there are raw-mode input, such as the commands of a root shell started by
/// <c>sudo -s</c> that sudo relays; they are evidence and stay.</item>
/// <item><see cref="TtyRedactionRule.PromptContext"/>: in a relayed session (sudo, su, ssh, tmux...), the lines that
/// follow a secret-prompting command (<c>passwd</c>: three, <c>sudo</c>/<c>su</c>/<c>ssh</c>: one...) are answers.</item>
/// </list>
/// Limits: a command ended by Ctrl-J in a prompt program's record, or typed after a prompting command that did not
/// prompt (cached sudo credentials, key-based ssh), is redacted too; a secret read by a shell's own <c>read -s</c>, by a
/// program not in the lists, or answered more times than expected stays visible. See docs/tty-redaction.md.
/// </summary>
public sealed class TtyRedactor
{
    private readonly TtyRedactionOptions _options;

    /// <summary>Creates a redactor with these settings (the defaults redact).</summary>
    public TtyRedactor(TtyRedactionOptions? options = null) => _options = options ?? new TtyRedactionOptions();

    /// <summary>Applies the rules to one record's keystrokes.</summary>
    /// <param name="comm">The record's <c>comm=</c> (null for USER_TTY records, which carry none).</param>
    /// <param name="transcript">The record's decoded keystrokes.</param>
    public TtyRedactionResult Redact(string? comm, TtyTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var lines = transcript.Lines;
        if (!_options.Enabled || comm is null || lines.Count == 0)
        {
            return new TtyRedactionResult(transcript.Rendering, lines, Redacted: false, Reason: null);
        }

        var rules = Decide(comm, lines);
        if (Array.TrueForAll(rules, r => r == TtyRedactionRule.None))
        {
            return new TtyRedactionResult(transcript.Rendering, lines, Redacted: false, Reason: null);
        }

        var kept = new TtyLine[lines.Count];
        var input = new StringBuilder(transcript.Rendering.Length);
        var reason = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                input.Append(',');
            }

            if (rules[i] == TtyRedactionRule.None)
            {
                kept[i] = lines[i];
                input.Append(transcript.RenderLine(i));
                continue;
            }

            kept[i] = lines[i] with { Text = TtyRedactionOptions.Marker, Edits = TtyLineEdits.None };
            input.Append(TtyRedactionOptions.Marker).Append(Terminator(lines[i].End));
            reason.Append(reason.Length > 0 ? "; " : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"line {i}: {Describe(rules[i])} (comm={comm})");
        }

        return new TtyRedactionResult(input.ToString(), kept, Redacted: true, reason.ToString());
    }

    private TtyRedactionRule[] Decide(string comm, IReadOnlyList<TtyLine> lines)
    {
        var rules = new TtyRedactionRule[lines.Count];
        if (_options.PromptPrograms.Contains(comm))
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].End is TtyLineEnd.Newline or TtyLineEnd.EndOfData)
                {
                    rules[i] = TtyRedactionRule.PromptProgram;
                }
            }
        }

        if (_options.RelayPrograms.Contains(comm))
        {
            var pendingAnswers = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                if (pendingAnswers > 0)
                {
                    pendingAnswers--;
                    if (rules[i] == TtyRedactionRule.None)
                    {
                        rules[i] = TtyRedactionRule.PromptContext;
                    }
                }
                else if (lines[i].End != TtyLineEnd.Interrupt)
                {
                    pendingAnswers = SecretPromptingCommands.ExpectedAnswers(lines[i].Text);
                }
            }
        }

        return rules;
    }

    private static string Terminator(TtyLineEnd end) => end switch
    {
        TtyLineEnd.Return => ",<ret>",
        TtyLineEnd.Newline => ",<nl>",
        TtyLineEnd.Interrupt => ",<^C>",
        _ => string.Empty,
    };

    private static string Describe(TtyRedactionRule rule) => rule switch
    {
        TtyRedactionRule.PromptProgram => "prompt-program line ended by <nl> or the data",
        _ => "prompt-context answer after a secret-prompting command",
    };
}
