using AuditSentinel.Tables.Rows;
using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Tables;

/// <summary>
/// The custom tables, declared once: each column with its type, its description and the accessor that writes it.
/// The exported schema (tables.json, DCR stream declarations) and the rows sent come from these declarations.
/// </summary>
public static class AuditTables
{
    private const string EventTimeText = "The audit timestamp from audit(seconds.millis:serial), UTC.";
    private const string TimeGeneratedText = "The audit timestamp; the service replaces it with the receive time when it is more than 2 days old or 1 day ahead, EventTime keeps it.";
    private const string ComputerText = "The host: node= of the record, else the syslog host of a forwarded line.";
    private const string SerialText = "The audit serial number from audit(...); with Computer and EventTime it identifies the event.";
    private const string EventIdText = "Stable id of (node, audit time, serial): 32 lower-case hex digits, the first 16 bytes of SHA-256 over UTF-8 node, 0x00, seconds (int64), milliseconds (int32), serial (uint64), big-endian. The same on every run and for every row of one event, so duplicates and partial rows can be merged.";
    private const string AuidText = "The login (audit) user id, kept across su and sudo; null when unset (4294967295 or -1).";
    private const string AuditUserText = "The login user's name as auditd resolved it (ENRICHED AUID).";
    private const string SessionText = "The audit session id; null when unset.";
    private const string UidText = "The real user id.";
    private const string UserText = "The real user's name (ENRICHED UID).";
    private const string PidText = "The process id.";
    private const string TtyText = "The controlling terminal (pts0, ...); null for none.";
    private const string CommText = "The command name (comm=, at most 15 bytes).";
    private const string SourceNameText = "The unit the row came from: file path, blob name or Event Hubs partition and offset.";
    private const string ParserVersionText = "The audit-sentinel version that produced the row.";
    private const string TruncatedFieldsText = "Set only when the row alone was over the Logs Ingestion 1 MB call limit: the comma-separated columns whose values the uploader cut to the service's 64 KB field limit (largest first).";

    /// <summary>LinuxAuditEvents_CL: one row per assembled audit event.</summary>
    public static RowTable<AuditEventRow> LinuxAuditEvents { get; } = new RowTableBuilder<AuditEventRow>("LinuxAuditEvents")
        .DateTime("TimeGenerated", TimeGeneratedText, r => r.EventTime)
        .DateTime("EventTime", EventTimeText, r => r.EventTime)
        .String("Computer", ComputerText, r => r.Computer)
        .Long("Serial", SerialText, r => r.Serial)
        .String("EventId", EventIdText, r => r.EventId)
        .String("RecordType", "The primary record's type: SYSCALL when present, else the first record that is not PROCTITLE, EOE, CWD or PATH.", r => r.RecordType)
        .StringArray("RecordTypes", "The type names of the event's records in reading order (array).", r => r.RecordTypes)
        .Int("RecordCount", "How many records the row holds.", r => r.RecordCount)
        .String("Category", "What kind of event it is (docs/normalization.md): process, authentication, file, network, ...", r => r.Category)
        .String("Action", "What happened (docs/normalization.md): executed, logged-in, opened-file, connected-to, ...", r => r.Action)
        .String("Result", "success, failure or unknown: from success= of the syscall or res= of the record.", r => r.Result)
        .String("Syscall", "The syscall name (execve, openat, ...); the number when no name is known.", r => r.Syscall)
        .String("Arch", "The architecture of the syscall (x86_64, i386, aarch64, ...).", r => r.Arch)
        .Long("Exit", "The syscall's exit value: a result or a negative errno.", r => r.Exit)
        .Int("Pid", PidText, r => r.Pid)
        .Int("Ppid", "The parent process id.", r => r.Ppid)
        .Long("Auid", AuidText, r => r.Auid)
        .String("AuditUser", AuditUserText, r => r.AuditUser)
        .Long("Session", SessionText, r => r.Session)
        .Long("Uid", UidText, r => r.Uid)
        .String("User", UserText, r => r.User)
        .Long("Euid", "The effective user id (0 for a command run through sudo).", r => r.Euid)
        .String("EffectiveUser", "The effective user's name (ENRICHED EUID).", r => r.EffectiveUser)
        .Long("Gid", "The real group id.", r => r.Gid)
        .String("Tty", TtyText, r => r.Tty)
        .String("Comm", CommText, r => r.Comm)
        .String("Exe", "The executable's path.", r => r.Exe)
        .String("CommandLine", "The EXECVE arguments as one shell-quoted command line; for USER_CMD (sudo), the cmd= it ran.", r => r.CommandLine)
        .StringArray("Argv", "The EXECVE arguments (array). A missing argument (lost EXECVE record, missing chunk) is null and the raw aN fields stay in Fields; past 4,096 missing (an argc far beyond what was logged) the logged ones are listed in index order.", r => r.Argv)
        .String("ProcTitle", "The process title (PROCTITLE), arguments separated by spaces.", r => r.ProcTitle)
        .String("Cwd", "The working directory (CWD record).", r => r.Cwd)
        .StringMapArray("Paths", "The PATH records in order (array of objects: item, name, nametype, inode, mode, ouid, ogid, ...).", r => r.Paths)
        .String("FilePath", "The object path: the first CREATE, else NORMAL, else DELETE PATH name, else the first non-PARENT PATH, else the first PATH.", r => r.FilePath)
        .String("SocketFamily", "The SOCKADDR family (inet, inet6, local, netlink, ...).", r => r.SocketFamily)
        .String("RemoteAddress", "The SOCKADDR address (IP, or the path of a local socket).", r => r.RemoteAddress)
        .Int("RemotePort", "The SOCKADDR port.", r => r.RemotePort)
        .String("Key", "The first audit rule key (key=).", r => r.Key)
        .StringArray("Keys", "Every audit rule key of the event, in order, without repeats (array).", r => r.Keys)
        .StringArray("Techniques", "MITRE ATT&CK technique ids of the keys, without repeats (array; docs/attack-keys.md).", r => r.Techniques)
        .String("Account", "The account a user-space record is about (acct=).", r => r.Account)
        .String("Operation", "The operation of a user-space or configuration record (op=).", r => r.Operation)
        .String("Terminal", "The terminal or service of a user-space record (terminal=).", r => r.Terminal)
        .String("Hostname", "The remote host name of a user-space record (hostname=).", r => r.Hostname)
        .String("SourceAddress", "The remote address of a user-space record (addr=).", r => r.SourceAddress)
        .StringMap("Fields", "Every parsed field not in a typed column, ENRICHED ones included (object; a repeated name gets _2, _3, ...).", r => r.Fields)
        .Boolean("Partial", "True when the event may be missing records; rows of one event share EventId.", r => r.Partial)
        .String("PartialReason", "Why the event may be missing records: evicted, input-boundary, late-record or missing-start (only records that follow a SYSCALL, the log began mid-event).", r => r.PartialReason)
        .String("SourceName", SourceNameText, r => r.SourceName)
        .String("ParserVersion", ParserVersionText, r => r.ParserVersion)
        .String("TruncatedFields", TruncatedFieldsText, static _ => null)
        .Build();

    /// <summary>LinuxTtyInput_CL: one row per TTY or USER_TTY record (pam_tty_audit keystrokes).</summary>
    public static RowTable<TtyInputRow> LinuxTtyInput { get; } = new RowTableBuilder<TtyInputRow>("LinuxTtyInput")
        .DateTime("TimeGenerated", TimeGeneratedText, r => r.EventTime)
        .DateTime("EventTime", EventTimeText, r => r.EventTime)
        .String("Computer", ComputerText, r => r.Computer)
        .Long("Serial", SerialText, r => r.Serial)
        .String("EventId", EventIdText, r => r.EventId)
        .String("RecordType", "TTY (kernel) or USER_TTY (user space).", r => r.RecordType)
        .Long("Session", SessionText, r => r.Session)
        .Long("Auid", AuidText, r => r.Auid)
        .String("AuditUser", AuditUserText, r => r.AuditUser)
        .Long("Uid", UidText, r => r.Uid)
        .String("User", UserText, r => r.User)
        .Int("Pid", PidText, r => r.Pid)
        .String("Tty", TtyText, r => r.Tty)
        .String("Comm", CommText, r => r.Comm)
        .String("Input", "The keystrokes rendered as aureport --tty renders them (named keys such as <ret>, quoted runs).", r => r.Input)
        .StringArray("Lines", "The entered lines reconstructed from the keystrokes (array).", r => r.Lines)
        .Boolean("Redacted", "True when input was replaced by a marker (typed at a password prompt).", r => r.Redacted)
        .String("RedactionReason", "Why the input was redacted.", r => r.RedactionReason)
        .String("SourceName", SourceNameText, r => r.SourceName)
        .String("ParserVersion", ParserVersionText, r => r.ParserVersion)
        .String("TruncatedFields", TruncatedFieldsText, static _ => null)
        .Build();

    /// <summary>LinuxAuditHealth_CL: one row per processed source unit.</summary>
    public static RowTable<AuditHealthRow> LinuxAuditHealth { get; } = new RowTableBuilder<AuditHealthRow>("LinuxAuditHealth")
        .DateTime("TimeGenerated", "When the unit was processed.", r => r.TimeGenerated)
        .String("Computer", "The host the unit came from (the first host seen in it).", r => r.Computer)
        .String("SourceName", SourceNameText, r => r.SourceName)
        .String("SourceKind", "file, blob or eventhub.", r => r.SourceKind)
        .DateTime("FirstEventTime", "The earliest audit timestamp in the unit.", r => r.FirstEventTime)
        .DateTime("LastEventTime", "The latest audit timestamp in the unit.", r => r.LastEventTime)
        .Long("Bytes", "Bytes read (decompressed).", r => r.Bytes)
        .Long("Lines", "Lines read.", r => r.Lines)
        .Long("Records", "Lines that became audit records.", r => r.Records)
        .Long("Events", "Events assembled.", r => r.Events)
        .Long("PartialEvents", "Events emitted as partial.", r => r.PartialEvents)
        .Long("TtyRecords", "TTY and USER_TTY records.", r => r.TtyRecords)
        .Long("RejectedLines", "Lines that are not audit records; each is kept in the dead-letter store.", r => r.RejectedLines)
        .CountMap("RejectReasons", "Rejected lines by reason code (object: code to count).", r => r.RejectReasons)
        .Long("DeadLetteredRows", "Rows that could not be delivered and were kept in the dead-letter store.", r => r.DeadLetteredRows)
        .String("ParserVersion", ParserVersionText, r => r.ParserVersion)
        .Build();

    /// <summary>Every table's schema, in export order.</summary>
    public static IReadOnlyList<TableSchema> All { get; } = [LinuxAuditEvents.Schema, LinuxTtyInput.Schema, LinuxAuditHealth.Schema];
}
