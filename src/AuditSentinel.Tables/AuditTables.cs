using AuditSentinel.Tables.Rows;
using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Tables;

/// <summary>
/// The custom tables, declared once: each column with its type, its description and the row's value for it (see
/// <see cref="Rows.ColumnDeclaration{TRow, TColumns}"/>). The exported schema (tables.json, DCR stream declarations) and the rows sent come
/// from these declarations.
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
    public static RowTable<AuditEventRow> LinuxAuditEvents { get; } = RowTable<AuditEventRow>.Declare("LinuxAuditEvents", new AuditEventRow(), EventColumns.Visit, EventColumns.Visit);

    /// <summary>LinuxTtyInput_CL: one row per TTY or USER_TTY record (pam_tty_audit keystrokes).</summary>
    public static RowTable<TtyInputRow> LinuxTtyInput { get; } = RowTable<TtyInputRow>.Declare("LinuxTtyInput", new TtyInputRow { EventId = string.Empty, RecordType = string.Empty, ParserVersion = string.Empty }, TtyColumns.Visit, TtyColumns.Visit);

    /// <summary>LinuxAuditHealth_CL: one row per processed source unit.</summary>
    public static RowTable<AuditHealthRow> LinuxAuditHealth { get; } = RowTable<AuditHealthRow>.Declare("LinuxAuditHealth", new AuditHealthRow { SourceKind = string.Empty, ParserVersion = string.Empty }, HealthColumns.Visit, HealthColumns.Visit);

    /// <summary>Every table's schema, in export order.</summary>
    public static IReadOnlyList<TableSchema> All { get; } = [LinuxAuditEvents.Schema, LinuxTtyInput.Schema, LinuxAuditHealth.Schema];

    private static class EventColumns
    {
        public static void Visit<TColumns>(AuditEventRow row, ref TColumns columns)
            where TColumns : struct, IColumnVisitor, allows ref struct
        {
            columns.DateTime("TimeGenerated", TimeGeneratedText, row.EventTime);
            columns.DateTime("EventTime", EventTimeText, row.EventTime);
            columns.String("Computer", ComputerText, row.Computer);
            columns.Long("Serial", SerialText, row.Serial);
            columns.String("EventId", EventIdText, row.EventId);
            columns.String("RecordType", "The primary record's type: SYSCALL when present, else the first record that is not PROCTITLE, EOE, CWD or PATH.", row.RecordType);
            columns.StringArray("RecordTypes", "The type names of the event's records in reading order (array).", row.RecordTypes);
            columns.Int("RecordCount", "How many records the row holds.", row.RecordCount);
            columns.String("Category", "What kind of event it is (docs/normalization.md): process, authentication, file, network, ...", row.Category);
            columns.String("Action", "What happened (docs/normalization.md): executed, logged-in, opened-file, connected-to, ...", row.Action);
            columns.String("Result", "success, failure or unknown: from success= of the syscall or res= of the record.", row.Result);
            columns.String("Syscall", "The syscall name (execve, openat, ...); the number when no name is known.", row.Syscall);
            columns.String("Arch", "The architecture of the syscall (x86_64, i386, aarch64, ...).", row.Arch);
            columns.Long("Exit", "The syscall's exit value: a result or a negative errno.", row.Exit);
            columns.Int("Pid", PidText, row.Pid);
            columns.Int("Ppid", "The parent process id.", row.Ppid);
            columns.Long("Auid", AuidText, row.Auid);
            columns.String("AuditUser", AuditUserText, row.AuditUser);
            columns.Long("Session", SessionText, row.Session);
            columns.Long("Uid", UidText, row.Uid);
            columns.String("User", UserText, row.User);
            columns.Long("Euid", "The effective user id (0 for a command run through sudo).", row.Euid);
            columns.String("EffectiveUser", "The effective user's name (ENRICHED EUID).", row.EffectiveUser);
            columns.Long("Gid", "The real group id.", row.Gid);
            columns.String("Tty", TtyText, row.Tty);
            columns.String("Comm", CommText, row.Comm);
            columns.String("Exe", "The executable's path.", row.Exe);
            columns.String("CommandLine", "The EXECVE arguments as one shell-quoted command line; for USER_CMD (sudo), the cmd= it ran.", row.CommandLine);
            columns.StringArray("Argv", "The EXECVE arguments (array). A missing argument (lost EXECVE record, missing chunk) is null and the raw aN fields stay in Fields; past 4,096 missing (an argc far beyond what was logged) the logged ones are listed in index order.", row.Argv);
            columns.String("ProcTitle", "The process title (PROCTITLE), arguments separated by spaces.", row.ProcTitle);
            columns.String("Cwd", "The working directory (CWD record).", row.Cwd);
            columns.StringMapArray("Paths", "The PATH records in order (array of objects: item, name, nametype, inode, mode, ouid, ogid, ...).", row.Paths);
            columns.String("FilePath", "The object path: the first CREATE, else NORMAL, else DELETE PATH name, else the first non-PARENT PATH, else the first PATH.", row.FilePath);
            columns.String("SocketFamily", "The SOCKADDR family (inet, inet6, local, netlink, ...).", row.SocketFamily);
            columns.String("RemoteAddress", "The SOCKADDR address (IP, or the path of a local socket).", row.RemoteAddress);
            columns.Int("RemotePort", "The SOCKADDR port.", row.RemotePort);
            columns.String("Key", "The first audit rule key (key=).", row.Key);
            columns.StringArray("Keys", "Every audit rule key of the event, in order, without repeats (array).", row.Keys);
            columns.StringArray("Techniques", "MITRE ATT&CK technique ids of the keys, without repeats (array; docs/attack-keys.md).", row.Techniques);
            columns.String("Account", "The account a user-space record is about (acct=).", row.Account);
            columns.String("Operation", "The operation of a user-space or configuration record (op=).", row.Operation);
            columns.String("Terminal", "The terminal or service of a user-space record (terminal=).", row.Terminal);
            columns.String("Hostname", "The remote host name of a user-space record (hostname=).", row.Hostname);
            columns.String("SourceAddress", "The remote address of a user-space record (addr=).", row.SourceAddress);
            columns.StringMap("Fields", "Every parsed field not in a typed column, ENRICHED ones included (object; a repeated name gets _2, _3, ...).", row.Fields);
            columns.Boolean("Partial", "True when the event may be missing records; rows of one event share EventId.", row.Partial);
            columns.String("PartialReason", "Why the event may be missing records: evicted, input-boundary, late-record or missing-start (only records that follow a SYSCALL, the log began mid-event).", row.PartialReason);
            columns.String("SourceName", SourceNameText, row.SourceName);
            columns.String("ParserVersion", ParserVersionText, row.ParserVersion);
            columns.String("TruncatedFields", TruncatedFieldsText, null);
        }
    }

    private static class TtyColumns
    {
        public static void Visit<TColumns>(TtyInputRow row, ref TColumns columns)
            where TColumns : struct, IColumnVisitor, allows ref struct
        {
            columns.DateTime("TimeGenerated", TimeGeneratedText, row.EventTime);
            columns.DateTime("EventTime", EventTimeText, row.EventTime);
            columns.String("Computer", ComputerText, row.Computer);
            columns.Long("Serial", SerialText, row.Serial);
            columns.String("EventId", EventIdText, row.EventId);
            columns.String("RecordType", "TTY (kernel) or USER_TTY (user space).", row.RecordType);
            columns.Long("Session", SessionText, row.Session);
            columns.Long("Auid", AuidText, row.Auid);
            columns.String("AuditUser", AuditUserText, row.AuditUser);
            columns.Long("Uid", UidText, row.Uid);
            columns.String("User", UserText, row.User);
            columns.Int("Pid", PidText, row.Pid);
            columns.String("Tty", TtyText, row.Tty);
            columns.String("Comm", CommText, row.Comm);
            columns.String("Input", "The keystrokes rendered as aureport --tty renders them (named keys such as <ret>, quoted runs).", row.Input);
            columns.StringArray("Lines", "The entered lines reconstructed from the keystrokes (array).", row.Lines);
            columns.Boolean("Redacted", "True when input was replaced by a marker (typed at a password prompt).", row.Redacted);
            columns.String("RedactionReason", "Why the input was redacted.", row.RedactionReason);
            columns.String("SourceName", SourceNameText, row.SourceName);
            columns.String("ParserVersion", ParserVersionText, row.ParserVersion);
            columns.String("TruncatedFields", TruncatedFieldsText, null);
        }
    }

    private static class HealthColumns
    {
        public static void Visit<TColumns>(AuditHealthRow row, ref TColumns columns)
            where TColumns : struct, IColumnVisitor, allows ref struct
        {
            columns.DateTime("TimeGenerated", "When the unit was processed.", row.TimeGenerated);
            columns.String("Computer", "The host the unit came from (the first host seen in it).", row.Computer);
            columns.String("SourceName", SourceNameText, row.SourceName);
            columns.String("SourceKind", "file, blob or eventhub.", row.SourceKind);
            columns.DateTime("FirstEventTime", "The earliest audit timestamp in the unit.", row.FirstEventTime);
            columns.DateTime("LastEventTime", "The latest audit timestamp in the unit.", row.LastEventTime);
            columns.Long("Bytes", "Bytes read (decompressed).", row.Bytes);
            columns.Long("Lines", "Lines read.", row.Lines);
            columns.Long("Records", "Lines that became audit records.", row.Records);
            columns.Long("Events", "Events assembled.", row.Events);
            columns.Long("PartialEvents", "Events emitted as partial.", row.PartialEvents);
            columns.Long("TtyRecords", "TTY and USER_TTY records.", row.TtyRecords);
            columns.Long("RejectedLines", "Lines that are not audit records; each is kept in the dead-letter store.", row.RejectedLines);
            columns.CountMap("RejectReasons", "Rejected lines by reason code (object: code to count).", row.RejectReasons);
            columns.Long("DeadLetteredRows", "Rows that could not be delivered and were kept in the dead-letter store.", row.DeadLetteredRows);
            columns.String("ParserVersion", ParserVersionText, row.ParserVersion);
        }
    }
}
