using System.Globalization;
using System.Text.Json;
using AuditSentinel.Pipeline;

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

    /// <inheritdoc />
    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        if (table is not ("LinuxAuditEvents_CL" or "LinuxTtyInput_CL"))
        {
            return;
        }

        using var document = JsonDocument.Parse(rowJson.ToArray());
        var row = document.RootElement;
        if (!string.Equals(Text(row, "Computer"), host, StringComparison.Ordinal))
        {
            return;
        }

        var rowSession = Number(row, "Session");
        if (table == "LinuxTtyInput_CL")
        {
            if (rowSession == session)
            {
                _entries.Add(Keystrokes(row));
            }

            return;
        }

        var entry = Event(row);
        if (rowSession == session)
        {
            _entries.Add(entry);
            if (Number(row, "Pid") is { } pid && Text(row, "RecordType") is "LOGIN" or "USER_LOGIN" or "USER_START")
            {
                _sessionPids.Add(pid);
            }
        }
        else if (rowSession is null && Text(row, "Category") == "authentication" && Number(row, "Pid") is { } pid)
        {
            _unsessionedAuth.Add((pid, entry));
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>The session's steps in time order.</summary>
    internal IReadOnlyList<TimelineEntry> Entries() =>
        _entries.Concat(_unsessionedAuth.Where(a => _sessionPids.Contains(a.Pid)).Select(a => a.Entry))
            .OrderBy(e => e.Time)
            .ThenBy(e => e.Serial)
            .ToList();

    private static TimelineEntry Event(JsonElement row)
    {
        var recordType = Text(row, "RecordType") ?? "?";
        var kind = recordType switch
        {
            "USER_AUTH" or "USER_ACCT" or "USER_LOGIN" or "LOGIN" or "USER_START" or "CRED_ACQ" or "CRED_REFR" => "login",
            "USER_END" or "USER_LOGOUT" or "CRED_DISP" => "logout",
            _ when Text(row, "Syscall") == "execve" => "exec",
            _ => Text(row, "Category") ?? recordType.ToLowerInvariant(),
        };
        var text = kind switch
        {
            "exec" => Join(Text(row, "CommandLine") ?? Text(row, "ProcTitle") ?? Text(row, "Exe"), Bracket("cwd", Text(row, "Cwd")), Failure(row)),
            "login" or "logout" => Join(
                recordType,
                Text(row, "Account"),
                Bracket("from", Text(row, "SourceAddress") ?? Text(row, "Hostname")),
                Bracket("via", Text(row, "Exe")),
                Bracket("op", Text(row, "Operation")),
                Text(row, "Result")),
            _ => Join(
                Text(row, "Action") ?? recordType,
                Text(row, "FilePath"),
                Endpoint(row),
                Bracket("by", Text(row, "Exe")),
                Bracket("key", Text(row, "Key")),
                Failure(row)),
        };
        return new TimelineEntry(Time(row), Number(row, "Serial") ?? 0, kind, Actor(row), text);
    }

    private static TimelineEntry Keystrokes(JsonElement row)
    {
        var lines = row.TryGetProperty("Lines", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(LineText).ToList()
            : [];
        var text = lines.Count > 0 ? string.Join(" ⏎ ", lines) : Text(row, "Input") ?? string.Empty;
        var redacted = row.TryGetProperty("Redacted", out var flag) && flag.ValueKind == JsonValueKind.True
            ? $"  [redacted: {Text(row, "RedactionReason")}]"
            : string.Empty;
        return new TimelineEntry(Time(row), Number(row, "Serial") ?? 0, "keys", Actor(row), $"({Text(row, "Comm")} on {Text(row, "Tty")}) {text}{redacted}");
    }

    private static string LineText(JsonElement line) => line.ValueKind switch
    {
        JsonValueKind.String => line.GetString() ?? string.Empty,
        JsonValueKind.Object when line.TryGetProperty("Text", out var text) || line.TryGetProperty("text", out text) => text.ToString(),
        _ => line.ToString(),
    };

    private static string? Endpoint(JsonElement row)
    {
        var address = Text(row, "RemoteAddress");
        if (address is null || string.Equals(address, Text(row, "FilePath"), StringComparison.Ordinal))
        {
            return null;
        }

        return Number(row, "RemotePort") is { } port ? string.Create(CultureInfo.InvariantCulture, $"{address}:{port}") : address;
    }

    // Before login the audit user is unset; the process's own user says who acted then.
    private static string Actor(JsonElement row)
    {
        var auditUser = Text(row, "AuditUser") ?? Number(row, "Auid")?.ToString(CultureInfo.InvariantCulture) ?? "(unset)";
        var effective = Text(row, "EffectiveUser") ?? Text(row, "User");
        return effective is null || effective == auditUser ? auditUser : $"{auditUser}→{effective}";
    }

    private static DateTimeOffset Time(JsonElement row) =>
        row.TryGetProperty("EventTime", out var time) && time.TryGetDateTimeOffset(out var value) ? value : DateTimeOffset.MinValue;

    private static string? Failure(JsonElement row) => Text(row, "Result") == "failure" ? $"FAILED{Bracket(" exit", Text(row, "Exit"))}" : null;

    private static string? Bracket(string label, string? value) => value is null ? null : $"{label} {value}";

    private static string Join(params string?[] parts) => string.Join("  ", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value.ToString() : null;

    private static long? Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
