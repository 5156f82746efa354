using AuditSentinel.Cli.Commands;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.Cli.Timeline;
using AuditSentinel.Pipeline;

namespace AuditSentinel.Cli.Tests;

public class TimelineCommandTests
{
    private static Task<IReadOnlyList<TimelineEntry>> Session(long session, bool redact = true) =>
        TimelineCommand.CollectAsync([InputResolver.EmbeddedSample()], "vm", session, new IngestOptions { RedactTty = redact }, CancellationToken.None);

    [Fact]
    public async Task Carols_session_reads_in_order_from_the_ssh_login_to_the_root_shell_and_su()
    {
        var entries = await Session(4);
        Assert.Equal(entries.OrderBy(e => e.Time).ThenBy(e => e.Serial), entries);

        // The session starts with sshd's authentication of carol from the loopback address, before ses=4 existed.
        var first = entries[0];
        Assert.Equal("login", first.Kind);
        Assert.Contains("USER_AUTH", first.Text, StringComparison.Ordinal);
        Assert.Contains("carol", first.Text, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", first.Text, StringComparison.Ordinal);

        // Commands carol ran as herself, then the root shell's commands under her audit user with root in effect.
        var hostname = entries.First(e => e.Kind == "exec" && e.Text.StartsWith("hostname", StringComparison.Ordinal));
        Assert.Equal("carol", hostname.Actor);
        var sudoShell = entries.First(e => e.Kind == "exec" && e.Text.StartsWith("sudo -s", StringComparison.Ordinal));
        var usermod = entries.First(e => e.Kind == "exec" && e.Text.StartsWith("usermod -aG sudo dave", StringComparison.Ordinal));
        Assert.Equal("carol→root", usermod.Actor);
        Assert.True(usermod.Time > sudoShell.Time);

        // Keystrokes: the root shell's typed commands are visible, the sudo and su passwords are not.
        var keys = entries.Where(e => e.Kind == "keys").ToList();
        Assert.Contains(keys, k => k.Text.Contains("usermod -aG sudo dave", StringComparison.Ordinal));
        Assert.Equal(3, keys.Count(k => k.Text.Contains("[redacted:", StringComparison.Ordinal)));
        Assert.All(keys, k => Assert.DoesNotContain("Tulip-Field-7", k.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_redaction_the_password_typed_at_the_sudo_prompt_shows()
    {
        var entries = await Session(4, redact: false);
        Assert.Contains(entries, e => e.Kind == "keys" && e.Text.Contains("Tulip-Field-7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_with_no_events_is_empty()
    {
        Assert.Empty(await Session(987654));
    }
}
