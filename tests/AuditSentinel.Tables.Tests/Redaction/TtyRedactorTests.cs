using System.Text;
using AuditSentinel.Parsing.Tty;
using AuditSentinel.Tables.Redaction;
using AuditSentinel.TestSupport;
using FsCheck;
using FsCheck.Fluent;

namespace AuditSentinel.Tables.Tests.Redaction;

public class TtyRedactorTests
{
    // Typed at sudo (twice) and su prompts in the recorded intrusion; see tests/fixtures/SOURCES.md.
    private static readonly string[] Passwords = ["wrongpass", "Tulip-Field-7", "Daisy-Chain-9"];

    // Typed in the root shell that `sudo -s` started: sudo relays them in raw mode, so they also sit in comm=sudo records.
    private static readonly string[] RootShellCommands =
    [
        "cat /etc/shadow | wc -l", "usermod -aG sudo dave", "passwd -l dave", "touch -d \"2020-01-01\" /tmp/.y",
        "systemctl list-units --type=service 2>/dev/null | head -3", "unset HISTFILE", "rm -f /tmp/cronjob",
    ];

    [Fact]
    public async Task By_default_no_password_of_the_intrusion_leaves_in_input_lines_or_reason()
    {
        var results = await RedactIntrusion(new TtyRedactor());
        var output = Everything(results);

        foreach (var password in Passwords)
        {
            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        }

        // The three prompt answers (sudo twice, su once), each a line ended by <nl> in a prompt program's record.
        Assert.Equal(3, results.Count(r => r.Result.Redacted));
        Assert.All(results.Where(r => r.Result.Redacted), r => Assert.Equal("<redacted>,<nl>", r.Result.Input));
        Assert.Equal("line 0: prompt-program line ended by <nl> or the data (comm=su)", results.Single(r => r.Comm == "su").Result.Reason);
    }

    [Fact]
    public async Task By_default_the_root_shell_commands_relayed_by_sudo_stay_verbatim()
    {
        var results = await RedactIntrusion(new TtyRedactor());
        var relayed = results.Single(r => r.Comm == "sudo" && r.Transcript.Lines.Count > 1);

        Assert.False(relayed.Result.Redacted);
        Assert.Equal(relayed.Transcript.Rendering, relayed.Result.Input);
        foreach (var command in RootShellCommands)
        {
            Assert.Contains(relayed.Result.Lines, l => l.Text == command);
        }

        // Unredacted records come out exactly as aureport renders them (the committed reference).
        Assert.All(results.Where(r => !r.Result.Redacted), r => Assert.Same(r.Transcript.Rendering, r.Result.Input));
    }

    [Fact]
    public async Task With_redaction_off_the_passwords_appear()
    {
        var results = await RedactIntrusion(new TtyRedactor(new TtyRedactionOptions { Enabled = false }));
        var output = Everything(results);

        Assert.DoesNotContain(results, r => r.Result.Redacted);
        foreach (var password in Passwords)
        {
            Assert.Contains(password, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void In_a_relayed_session_the_answers_to_a_prompting_command_are_redacted()
    {
        // An ssh client relays a remote root shell: "passwd dave" asks for the new password twice (up to three
        // prompts are assumed, so the next command is hidden too); "passwd -l dave" prompts for nothing.
        var typed = "passwd -l dave\rid\rpasswd dave\rS3cret-One\rS3cret-One\rwhoami\rexit\r";
        var transcript = TtyTranscript.FromBytes(Encoding.UTF8.GetBytes(typed));

        var result = new TtyRedactor().Redact("ssh", transcript);

        Assert.Equal(["passwd -l dave", "id", "passwd dave", "<redacted>", "<redacted>", "<redacted>", "exit"], result.Lines.Select(l => l.Text));
        Assert.Equal("\"passwd -l dave\",<ret>,\"id\",<ret>,\"passwd dave\",<ret>,<redacted>,<ret>,<redacted>,<ret>,<redacted>,<ret>,\"exit\",<ret>", result.Input);
        Assert.Equal(
            "line 3: prompt-context answer after a secret-prompting command (comm=ssh); line 4: prompt-context answer after a secret-prompting command (comm=ssh); line 5: prompt-context answer after a secret-prompting command (comm=ssh)",
            result.Reason);
        Assert.DoesNotContain("S3cret", result.Input + result.Reason + string.Concat(result.Lines.Select(l => l.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_program_names_fit_the_kernels_comm()
    {
        // TASK_COMM_LEN is 16 with the NUL: a longer name could never match a record's comm.
        Assert.All(TtyRedactionOptions.DefaultPromptPrograms.Concat(TtyRedactionOptions.DefaultRelayPrograms), name => Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, 15));
    }

    [Fact]
    public void A_shell_record_is_never_redacted()
    {
        // A shell reads its own commands; passwords for programs it runs land in those programs' records.
        var transcript = TtyTranscript.FromBytes("su - dave\rls ~\n"u8);

        var result = new TtyRedactor().Redact("bash", transcript);

        Assert.False(result.Redacted);
        Assert.Null(result.Reason);
        Assert.Same(transcript.Rendering, result.Input);
    }

    [Fact]
    public void Redaction_never_throws_and_keeps_every_line_it_does_not_redact()
    {
        var redactor = new TtyRedactor();
        var comms = Gen.Elements("sudo", "su", "ssh", "bash", "passwd");
        Prop.ForAll(Arb.From(comms), Arb.From(ArbMap.Default.GeneratorFor<byte[]>()), (comm, data) =>
        {
            var transcript = TtyTranscript.FromBytes(data);
            var result = redactor.Redact(comm, transcript);
            var keptOrMarked = transcript.Lines.Select((line, i) => ReferenceEquals(line, result.Lines[i])
                || (result.Lines[i].Text == TtyRedactionOptions.Marker && result.Lines[i].End == line.End)).All(ok => ok);
            return result.Lines.Count == transcript.Lines.Count && keptOrMarked && result.Redacted == (result.Reason is not null)
                && (result.Redacted || ReferenceEquals(result.Input, transcript.Rendering));
        }).QuickCheckThrowOnFailure();
    }

    private static async Task<List<(string? Comm, TtyTranscript Transcript, TtyRedactionResult Result)>> RedactIntrusion(TtyRedactor redactor)
    {
        var results = new List<(string?, TtyTranscript, TtyRedactionResult)>();
        foreach (var record in await KeystrokeRecords.ReadAsync(RepoPaths.SshIntrusionLog))
        {
            Assert.True(TtyTranscript.TryCreate(record, out var transcript));
            var comm = record.GetText("comm"u8);
            results.Add((comm, transcript, redactor.Redact(comm, transcript)));
        }

        Assert.Equal(6, results.Count);
        return results;
    }

    private static string Everything(IEnumerable<(string? Comm, TtyTranscript Transcript, TtyRedactionResult Result)> results) =>
        string.Join('\n', results.Select(r => r.Result.Input + "\n" + r.Result.Reason + "\n" + string.Join('\n', r.Result.Lines.Select(l => l.Text))));
}
