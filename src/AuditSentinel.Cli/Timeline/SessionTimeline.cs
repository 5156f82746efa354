using System.Globalization;
using AuditSentinel.Pipeline;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Cli.Timeline;

/// <summary>
/// Collects, from the rows the pipeline writes, one session of one host: its logins (with the authentication steps
/// of the same sshd process that came before the session id existed), the commands it ran with the user in effect
/// through sudo/su, the keystrokes typed, and the logout — the offline form of the session pivot in Sentinel.
/// </summary>
internal sealed class SessionTimeline(string host, long session) : IRowSink
{
    private readonly List<TimelineEntry> _entries = [];
    private readonly List<(long Pid, TimelineEntry Entry)> _unsessionedAuth = [];
    private readonly HashSet<long> _sessionPids = [];

    /// <summary>Takes the rows as the mapper made them: the timeline reads values, so no row is serialized.</summary>
    public void Write<TRow>(RowTable<TRow> table, TRow row, RowJsonWriter json)
    {
        switch (row)
        {
            case AuditEventRow auditEvent when string.Equals(auditEvent.Computer, host, StringComparison.Ordinal):
                Add(auditEvent);
                break;
            case TtyInputRow keystrokes when keystrokes.Session == session && string.Equals(keystrokes.Computer, host, StringComparison.Ordinal):
                _entries.Add(Keystrokes(keystrokes));
                break;
        }
    }

    /// <summary>Not used: the pipeline hands this sink row objects (<see cref="Write{TRow}"/>), never JSON.</summary>
    public void Write(string table, ReadOnlySpan<byte> rowJson) =>
        throw new NotSupportedException("The session timeline reads row objects, not row JSON.");

    /// <inheritdoc />
    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The session's steps in time order.</summary>
    internal IReadOnlyList<TimelineEntry> Entries() =>
        _entries.Concat(_unsessionedAuth.Where(a => _sessionPids.Contains(a.Pid)).Select(a => a.Entry))
            .OrderBy(e => e.Time)
            .ThenBy(e => e.Serial)
            .ToList();

    private void Add(AuditEventRow row)
    {
        var entry = Event(row);
        if (row.Session == session)
        {
            _entries.Add(entry);
            if (row.Pid is { } pid && row.RecordType is "LOGIN" or "USER_LOGIN" or "USER_START")
            {
                _sessionPids.Add(pid);
            }
        }
        else if (row.Session is null && row.Category == "authentication" && row.Pid is { } pid)
        {
            _unsessionedAuth.Add((pid, entry));
        }
    }

    private static TimelineEntry Event(AuditEventRow row)
    {
        var kind = row.RecordType switch
        {
            "USER_AUTH" or "USER_ACCT" or "USER_LOGIN" or "LOGIN" or "USER_START" or "CRED_ACQ" or "CRED_REFR" => "login",
            "USER_END" or "USER_LOGOUT" or "CRED_DISP" => "logout",
            _ when row.Syscall == "execve" => "exec",
            _ => row.Category,
        };
        var text = kind switch
        {
            "exec" => Join(row.CommandLine ?? row.ProcTitle ?? row.Exe, Bracket("cwd", row.Cwd), Failure(row)),
            "login" or "logout" => Join(
                row.RecordType,
                row.Account,
                Bracket("from", row.SourceAddress ?? row.Hostname),
                Bracket("via", row.Exe),
                Bracket("op", row.Operation),
                row.Result),
            _ => Join(row.Action, row.FilePath, Endpoint(row), Bracket("by", row.Exe), Bracket("key", row.Key), Failure(row)),
        };
        return new TimelineEntry(row.EventTime, row.Serial, kind, Actor(row.AuditUser, row.Auid, row.EffectiveUser ?? row.User), text);
    }

    private static TimelineEntry Keystrokes(TtyInputRow row)
    {
        var text = row.Lines is { Count: > 0 } lines ? string.Join(" ⏎ ", lines) : row.Input ?? string.Empty;
        var redacted = row.Redacted ? $"  [redacted: {row.RedactionReason}]" : string.Empty;
        return new TimelineEntry(row.EventTime, row.Serial, "keys", Actor(row.AuditUser, row.Auid, row.User), $"({row.Comm} on {row.Tty}) {text}{redacted}");
    }

    private static string? Endpoint(AuditEventRow row)
    {
        var address = row.RemoteAddress;
        if (address is null || string.Equals(address, row.FilePath, StringComparison.Ordinal))
        {
            return null;
        }

        return row.RemotePort is { } port ? string.Create(CultureInfo.InvariantCulture, $"{address}:{port}") : address;
    }

    // Before login the audit user is unset; the process's own user says who acted then.
    private static string Actor(string? auditUserName, long? auid, string? effective)
    {
        var auditUser = auditUserName ?? auid?.ToString(CultureInfo.InvariantCulture) ?? "(unset)";
        return effective is null || effective == auditUser ? auditUser : $"{auditUser}→{effective}";
    }

    private static string? Failure(AuditEventRow row) =>
        row.Result == "failure" ? $"FAILED{Bracket(" exit", row.Exit?.ToString(CultureInfo.InvariantCulture))}" : null;

    private static string? Bracket(string label, string? value) => value is null ? null : $"{label} {value}";

    private static string Join(params string?[] parts) => string.Join("  ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
