using System.Collections.Frozen;

namespace AuditSentinel.Tables.Redaction;

/// <summary>Settings of <see cref="TtyRedactor"/>. Redaction is on unless <see cref="Enabled"/> is set to false.</summary>
public sealed class TtyRedactionOptions
{
    /// <summary>What replaces a redacted line, in the rendering and in the reconstructed lines.</summary>
    public const string Marker = "<redacted>";

    /// <summary>
    /// Programs (kernel comm: the name cut to 15 bytes, as in <c>ecryptfs-mount-</c>) that read secrets at a terminal prompt with echo off. In their
    /// records, lines ending in <c>&lt;nl&gt;</c> (a canonical-mode read) or cut by the end of the data are prompt answers.
    /// </summary>
    public static readonly FrozenSet<string> DefaultPromptPrograms = new[]
    {
        "sudo", "su", "passwd", "chpasswd", "chage", "gpasswd", "newgrp", "login", "sshd", "ssh", "scp", "sftp", "sshpass",
        "ssh-add", "ssh-keygen", "gpg", "gpg2", "pinentry", "pinentry-curses", "pinentry-tty", "kinit", "kpasswd", "mysql",
        "mariadb", "psql", "openssl", "htpasswd", "smbpasswd", "vncpasswd", "cryptsetup", "ecryptfs-mount-", "pkexec",
        "doas", "run0", "mount.cifs", "git-credential-", "ftp", "lftp", "telnet", "ldappasswd", "ldapsearch", "ldapmodify",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Programs that relay a whole interactive session from the user's terminal (sudo and su with a pty, the ssh
    /// client, terminal multiplexers): their records hold everything typed, in raw mode, including answers to prompts
    /// of programs run inside the session. There a line following a secret-prompting command is a prompt answer.
    /// </summary>
    public static readonly FrozenSet<string> DefaultRelayPrograms = new[]
    {
        "sudo", "su", "ssh", "script", "tmux: client", "screen", "mosh-client", "telnet", "docker", "podman", "kubectl",
        "virsh", "socat", "expect", "doas", "run0", "machinectl", "lxc-attach", "nsenter",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True (the default) to redact; false keeps every keystroke.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The programs whose canonical-mode lines are prompt answers; <see cref="DefaultPromptPrograms"/> unless set.</summary>
    public IReadOnlySet<string> PromptPrograms { get; init; } = DefaultPromptPrograms;

    /// <summary>The programs whose records are whole relayed sessions; <see cref="DefaultRelayPrograms"/> unless set.</summary>
    public IReadOnlySet<string> RelayPrograms { get; init; } = DefaultRelayPrograms;
}
