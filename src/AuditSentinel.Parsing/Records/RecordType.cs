using System.Collections.Frozen;

namespace AuditSentinel.Parsing.Records;

/// <summary>Audit record type numbers and names (libaudit's table) and the event-boundary rule auparse applies.</summary>
public static class RecordType
{
    /// <summary>AUDIT_USER: a generic user-space message, one record per event.</summary>
    public const int User = 1005;
    /// <summary>AUDIT_LOGIN.</summary>
    public const int Login = 1006;
    /// <summary>AUDIT_USER_TTY: keystrokes reported by a user-space program.</summary>
    public const int UserTty = 1124;
    /// <summary>AUDIT_SYSCALL.</summary>
    public const int Syscall = 1300;
    /// <summary>AUDIT_PATH.</summary>
    public const int Path = 1302;
    /// <summary>AUDIT_SOCKADDR.</summary>
    public const int SockAddr = 1306;
    /// <summary>AUDIT_CWD.</summary>
    public const int Cwd = 1307;
    /// <summary>AUDIT_EXECVE.</summary>
    public const int Execve = 1309;
    /// <summary>AUDIT_TTY: keystrokes reported by the kernel (pam_tty_audit).</summary>
    public const int Tty = 1319;
    /// <summary>AUDIT_EOE: the end of a multi-record event.</summary>
    public const int EndOfEvent = 1320;
    /// <summary>AUDIT_PROCTITLE: always the last record of a syscall event.</summary>
    public const int ProcTitle = 1327;

    private const int FirstEvent = 1300;
    private const int MacUnlabeledAllow = 1406;
    private const int MacCalipsoDelete = 1419;
    private const int Kernel = 2000;
    private const int FirstUserAnomaly = 2100;

    // The records audit_log_exit/show_special (kernel/auditsc.c) write only after the SYSCALL or URINGOP record of the
    // same event: PATH, IPC, SOCKETCALL, SOCKADDR, CWD, EXECVE, IPC_SET_PERM, MQ_OPEN..MQ_GETSETATTR, FD_PAIR, OBJ_PID,
    // EOE, BPRM_FCAPS, CAPSET, MMAP, PROCTITLE, KERN_MODULE, OPENAT2. Types the kernel also logs outside a syscall
    // (AVC, NETFILTER_CFG, SECCOMP, BPF, FANOTIFY, TIME_*, CONFIG_CHANGE...) are left out on purpose.
    private static readonly FrozenSet<int> FollowingOnly =
        FrozenSet.ToFrozenSet([1302, 1303, 1304, 1306, 1307, 1309, 1311, 1312, 1313, 1314, 1315, 1317, 1318, 1320, 1321, 1322, 1323, 1327, 1330, 1337]);

    private static readonly FrozenDictionary<int, string> NamesByNumber =
        RecordTypeNames.All.ToFrozenDictionary(t => t.Number, t => t.Name);

    private static readonly FrozenDictionary<string, int> NumbersByName =
        RecordTypeNames.All.ToFrozenDictionary(t => t.Name, t => t.Number, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumbersByNameSpan =
        NumbersByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The name of a record type number; <c>UNKNOWN[n]</c> when libaudit has no name for it.</summary>
    public static string NameOf(int number) =>
        NamesByNumber.TryGetValue(number, out var name) ? name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"UNKNOWN[{number}]");

    /// <summary>Looks up a record type name (ASCII, as written in the log).</summary>
    public static bool TryGetNumber(ReadOnlySpan<char> name, out int number) => NumbersByNameSpan.TryGetValue(name, out number);

    /// <summary>
    /// True when a record of this type ends its event, the rule auparse uses (common.c <c>audit_is_last_record</c>):
    /// EOE, PROCTITLE, the single-record user-space and daemon ranges, kernel and user anomalies, and the
    /// NetLabel configuration records. Other kernel records wait for EOE, PROCTITLE or the end-of-event timeout.
    /// </summary>
    public static bool EndsEvent(int number) =>
        number == ProcTitle
        || number == EndOfEvent
        || (number > Login && number < FirstEvent)
        || number == User
        || number >= FirstUserAnomaly
        || number == Kernel
        || (number >= MacUnlabeledAllow && number <= MacCalipsoDelete);

    /// <summary>
    /// True when the kernel writes records of this type only after the record that starts their event (SYSCALL or
    /// URINGOP): an event made of such records alone lost its start, e.g. at the beginning of a log cut mid-event.
    /// </summary>
    public static bool OnlyFollowsEventStart(int number) => FollowingOnly.Contains(number);
}
