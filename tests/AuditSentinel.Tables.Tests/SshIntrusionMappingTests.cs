using System.Globalization;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Rows;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// The ssh-intrusion log mapped to rows, checked against the reference <c>ausearch -i</c> reading of the same log:
/// every value below comes from the reference file, not from this test.
/// </summary>
public class SshIntrusionMappingTests
{
    private static readonly Lazy<Task<MappedLog>> Log = new(() => MappedLog.ReadFileAsync(RepoPaths.SshIntrusionLog));

    [Fact]
    public async Task Every_record_is_in_exactly_one_row_and_tty_only_events_have_no_event_row()
    {
        var log = await Log.Value;
        Assert.Equal(0, log.Rejected);
        Assert.Equal(log.Lines, log.Events.Sum(e => e.RecordCount) + log.TtyInput.Count);
        Assert.Equal(ReferenceEvents.BySerial.Values.Sum(r => r.Count(x => x.TypeName == "TTY")), log.TtyInput.Count);
    }

    [Fact]
    public async Task Events_made_only_of_tty_records_give_tty_rows_and_no_event_row()
    {
        var ttyLines = File.ReadLines(RepoPaths.SshIntrusionLog).Where(l => l.Contains(" type=TTY ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ttyLines);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', ttyLines)));
        var log = await MappedLog.ReadAsync(stream, "tty-only");
        Assert.Empty(log.Events);
        Assert.Equal(ttyLines.Count, log.TtyInput.Count);
        var whole = await Log.Value;
        Assert.Equal(whole.TtyInput.Select(r => r.EventId), log.TtyInput.Select(r => r.EventId));
    }

    [Fact]
    public async Task Process_identity_and_object_columns_agree_with_ausearch_for_every_event()
    {
        var log = await Log.Value;
        var checkedEvents = 0;
        foreach (var (serial, reference) in ReferenceEvents.BySerial)
        {
            var row = log.EventsWithSerial((long)serial).SingleOrDefault();
            if (row is null)
            {
                continue;
            }

            checkedEvents++;
            var main = reference.FirstOrDefault(r => r.TypeName == "SYSCALL") ?? reference.First(r => r.TypeName is not ("PROCTITLE" or "EOE" or "CWD" or "PATH"));
            Assert.Equal(main.TypeName, row.RecordType);
            Assert.Equal(reference.Count(r => r.TypeName != "TTY"), row.RecordCount);
            Assert.Equal(Id(main, "pid"), row.Pid);
            Assert.Equal(Id(main, "ses"), row.Session);
            Assert.Equal(Name(main, "auid"), row.AuditUser);
            Assert.Equal(Name(main, "uid"), row.User);
            Assert.Equal(Name(main, "euid"), row.EffectiveUser);
            Assert.Equal(main.GetText("exe"u8), row.Exe);
            Assert.Equal(main.GetText("comm"u8), row.Comm);
            Assert.Equal(main.GetText("acct"u8) ?? main.GetText("id"u8), row.Account);
            Assert.Equal(main.GetText("addr"u8), row.SourceAddress);
            Assert.Equal(main.GetText("terminal"u8), row.Terminal);
            Assert.Equal(main.GetText("hostname"u8), row.Hostname);
            Assert.Equal(ReferenceEvents.Value(reference, "CWD", "cwd") ?? main.GetText("cwd"u8), row.Cwd);
            Assert.Equal(ReferenceEvents.ProcTitle(reference), row.ProcTitle);
            if (reference.FirstOrDefault(r => r.TypeName == "EXECVE") is { } execve)
            {
                // ausearch prints each argument unquoted: "argc=3 a0=sh a1=-c a2=..." from the argc field on.
                var text = execve.LineText;
                var expected = text[text.IndexOf(" argc=", StringComparison.Ordinal)..].Trim();
                Assert.Equal(expected, $"argc={row.Argv!.Count} " + string.Join(' ', row.Argv.Select((a, i) => $"a{i}={a}")));
            }
            if (main.TypeName == "SYSCALL")
            {
                Assert.Equal(main.GetText("syscall"u8), row.Syscall);
                Assert.Equal(main.GetText("arch"u8), row.Arch);
                Assert.Equal(main.GetText("key"u8), row.Key);
                // ausearch names a negative exit by its errno (ENOENT(No such file or directory)).
                var exit = main.GetText("exit"u8);
                Assert.Equal(exit is null ? null : long.TryParse(exit, CultureInfo.InvariantCulture, out var number) ? number : -Errno(exit), row.Exit);
            }

            if (reference.Count(r => r.TypeName is "SYSCALL" or "PATH" or "CWD" or "PROCTITLE" or "SOCKADDR" or "EOE" or "EXECVE" or "BPRM_FCAPS") == reference.Count)
            {
                Assert.Equal(main.GetText("success"u8) == "yes" ? "success" : "failure", row.Result);
            }
            else if (main.GetText("res"u8) is { } res)
            {
                Assert.Equal(res is "success" or "yes" ? "success" : "failure", row.Result);
            }
        }

        Assert.Equal(log.Events.Count, checkedEvents);
    }

    [Fact]
    public async Task Command_lines_split_back_into_argv_by_a_posix_shell_lexer()
    {
        var log = await Log.Value;
        var rows = log.Events.Where(e => e.CommandLine is not null).ToList();
        Assert.NotEmpty(rows);
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(input, System.Text.Json.JsonSerializer.Serialize(rows.Select(r => r.CommandLine).ToList()));
            var split = ReferenceTools.Run("/usr/bin/python3", "-c", "import json,shlex,sys; print(json.dumps([shlex.split(c) for c in json.load(open(sys.argv[1]))]))", input);
            var expected = System.Text.Json.JsonSerializer.Deserialize<List<List<string>>>(split)!;
            Assert.Equal(expected, rows.Select(r => r.Argv!.Select(a => a!).ToList()));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Ssh_logins_and_authentications_show_account_address_and_result()
    {
        var log = await Log.Value;
        var references = ReferenceEvents.BySerial.Values.SelectMany(r => r).Where(r => r.TypeName is "USER_LOGIN" or "USER_AUTH").ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var row = Assert.Single(log.EventsWithSerial((long)reference.Serial));
            Assert.Equal("authentication", row.Category);
            var failed = reference.GetText("res"u8) == "failed";
            Assert.Equal(failed ? "failure" : "success", row.Result);
            var expectedAction = (reference.TypeName, failed) switch
            {
                ("USER_LOGIN", true) => "failed-login",
                ("USER_LOGIN", false) => "logged-in",
                (_, true) => "failed-authentication",
                _ => "authenticated",
            };
            Assert.Equal(expectedAction, row.Action);
            Assert.Equal(reference.GetText("acct"u8) ?? reference.GetText("id"u8), row.Account);
            Assert.Equal(reference.GetText("addr"u8), row.SourceAddress);
        }

        var carolLogin = Assert.Single(log.Events, e => e.Action == "logged-in" && e.Account == "carol");
        Assert.Equal("127.0.0.1", carolLogin.SourceAddress);
    }

    [Fact]
    public async Task Carols_commands_carry_auid_carol_and_the_sudo_shell_runs_them_as_root()
    {
        var log = await Log.Value;
        var referenceExecs = ReferenceEvents.BySerial.Values
            .Select(r => r.FirstOrDefault(x => x.TypeName == "SYSCALL" && x.GetText("syscall"u8) == "execve" && x.GetText("auid"u8) == "carol"))
            .Where(r => r is not null)
            .Select(r => r!)
            .ToList();
        Assert.NotEmpty(referenceExecs);
        var rows = log.Events.Where(e => e.Action == "executed" && e.AuditUser == "carol").ToList();
        Assert.Equal(referenceExecs.Select(r => (long)r.Serial).Order(), rows.Select(r => r.Serial).Order());
        Assert.All(rows, row => Assert.Equal("process", row.Category));

        var rootShell = rows.Where(r => r.EffectiveUser == "root" && r.Tty is not null && r.Comm != "sudo" && r.Comm != "su").ToList();
        var referenceRootShell = referenceExecs.Where(r => r.GetText("euid"u8) == "root" && r.GetText("tty"u8) is not null && r.GetText("comm"u8) is not ("sudo" or "su")).ToList();
        Assert.NotEmpty(referenceRootShell);
        Assert.Equal(referenceRootShell.Select(r => r.GetText("exe"u8)).Order(), rootShell.Select(r => r.Exe).Order());
        Assert.All(rootShell, row => Assert.Equal(1003, row.Auid));
        Assert.Contains(rootShell, r => r.ProcTitle == "cat /etc/shadow");

        var sudo = Assert.Single(rows, r => r.ProcTitle == "sudo -s");
        Assert.Equal("carol", sudo.User);
        Assert.Equal("root", sudo.EffectiveUser);
    }

    [Fact]
    public async Task The_shadow_reads_carry_the_key_and_its_technique()
    {
        var log = await Log.Value;
        var references = ReferenceEvents.BySerial.Values
            .Where(r => ReferenceEvents.Value(r, "SYSCALL", "key") == "T1003.008_shadow" && ReferenceEvents.Value(r, "PATH", "name") == "/etc/shadow")
            .ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var row = Assert.Single(log.EventsWithSerial((long)reference[0].Serial));
            Assert.Equal("/etc/shadow", row.FilePath);
            Assert.Equal("T1003.008_shadow", row.Key);
            Assert.Equal(["T1003.008"], row.Techniques);
            Assert.Equal(ReferenceEvents.Value(reference, "SYSCALL", "syscall"), row.Syscall);
            Assert.Equal("file", row.Category);
        }
    }

    [Fact]
    public async Task Connects_show_the_remote_address_and_port()
    {
        var log = await Log.Value;
        var references = ReferenceEvents.BySerial.Values
            .Where(r => ReferenceEvents.Value(r, "SYSCALL", "syscall") == "connect" && ReferenceEvents.Value(r, "SOCKADDR", "saddr") is { } s && s.Contains("saddr_fam=inet ", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var saddr = ReferenceEvents.Value(reference, "SOCKADDR", "saddr")!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            var row = Assert.Single(log.EventsWithSerial((long)reference[0].Serial));
            Assert.Equal(("network", "connected-to"), (row.Category, row.Action));
            Assert.Equal("inet", row.SocketFamily);
            Assert.Equal(saddr["laddr"], row.RemoteAddress);
            Assert.Equal(int.Parse(saddr["lport"], CultureInfo.InvariantCulture), row.RemotePort);
            Assert.Contains("T1071", row.Techniques!);
        }
    }

    [Fact]
    public async Task Tty_rows_name_the_session_user_and_command()
    {
        var log = await Log.Value;
        foreach (var row in log.TtyInput)
        {
            var reference = Assert.Single(ReferenceEvents.BySerial[(ulong)row.Serial], r => r.TypeName == "TTY");
            Assert.Equal("TTY", row.RecordType);
            Assert.Equal(Name(reference, "auid"), row.AuditUser);
            Assert.Equal(Id(reference, "ses"), row.Session);
            Assert.Equal(reference.GetText("comm"u8), row.Comm);
            Assert.Equal(Id(reference, "pid"), row.Pid);
        }

        // aureport --tty's "term" column is the terminal of each keystroke record.
        var report = File.ReadLines(RepoPaths.Fixture("ssh-intrusion", "aureport-tty.txt")).Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).ToList();
        Assert.Equal(report.Count, log.TtyInput.Count);
        foreach (var line in report)
        {
            var columns = line.Split(' ');
            var row = Assert.Single(log.TtyInput, r => r.Serial == long.Parse(columns[3], CultureInfo.InvariantCulture));
            Assert.Equal((columns[4], columns[5], columns[6], columns[7]), (row.AuditUser, row.Tty, row.Session?.ToString(CultureInfo.InvariantCulture), row.Comm));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> ErrnoNumbers = new(StringComparer.Ordinal);

    // The errno numbers come from Python's errno module (the C library's), not from this test.
    private static long Errno(string interpreted) => ErrnoNumbers.GetOrAdd(interpreted[..interpreted.IndexOf('(', StringComparison.Ordinal)], name =>
        long.Parse(ReferenceTools.Run("/usr/bin/python3", "-c", "import errno; print(errno." + name + ")").Trim(), CultureInfo.InvariantCulture));

    private static string? Name(AuditRecord record, string field) =>
        record.GetText(System.Text.Encoding.ASCII.GetBytes(field)) is { } name && name != "unset" ? name : null;

    private static long? Id(AuditRecord record, string field) =>
        record.GetText(System.Text.Encoding.ASCII.GetBytes(field)) is { } text && long.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : null;
}
