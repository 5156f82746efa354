namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// The sub-calls of the multiplexed i386-era <c>socketcall</c> and <c>ipc</c> syscalls, chosen by their first
/// argument (linux/net.h SYS_*, linux/ipc.h), which auparse prints as <c>socketcall(connect)</c>.
/// </summary>
public static class SocketCalls
{
    private static readonly string?[] Socket =
    [
        null, "socket", "bind", "connect", "listen", "accept", "getsockname", "getpeername", "socketpair", "send", "recv",
        "sendto", "recvfrom", "shutdown", "setsockopt", "getsockopt", "sendmsg", "recvmsg", "accept4", "recvmmsg", "sendmmsg",
    ];

    private static readonly string?[] Ipc =
    [
        null, "semop", "semget", "semctl", "semtimedop", null, null, null, null, null, null, "msgsnd", "msgrcv", "msgget",
        "msgctl", null, null, null, null, null, null, "shmat", "shmdt", "shmget", "shmctl",
    ];

    /// <summary>The name of a <c>socketcall</c> sub-call (<c>3</c> gives <c>connect</c>), or null.</summary>
    public static string? SocketCallName(long call) => (ulong)call < (ulong)Socket.Length ? Socket[call] : null;

    /// <summary>The name of an <c>ipc</c> sub-call (<c>21</c> gives <c>shmat</c>), or null.</summary>
    public static string? IpcCallName(long call) => (ulong)call < (ulong)Ipc.Length ? Ipc[call] : null;
}
