using System.Collections.Frozen;
using C = AuditSentinel.Tables.Normalization.Categories;

namespace AuditSentinel.Tables.Normalization;

/// <summary>
/// The normalization vocabulary: record types, syscalls and well-known rule keys to a category and an action.
/// Learned from go-libaudit's aucoalesce normalizations (facts only); written for this project. docs/normalization.md
/// lists the same table, and a test keeps the two equal.
/// </summary>
public static class Vocabulary
{
    /// <summary>Used when nothing in the event is named by the vocabulary.</summary>
    public static readonly EventClass Unclassified = new(C.Other, "unclassified");

    /// <summary>A syscall the vocabulary does not name.</summary>
    public static readonly EventClass OtherSyscall = new(C.Process, "called-syscall");

    /// <summary>Record types that name what happened (a user-space message, a configuration change, ...).</summary>
    public static FrozenDictionary<string, EventClass> RecordTypes { get; } = Build(
    [
        (C.Process, "executed", ["EXECVE"]),
        (C.Process, "ran-command", ["USER_CMD"]),
        (C.Process, "changed-user-id", ["CHUSER_ID"]),
        (C.Process, "changed-group-id", ["CHGRP_ID"]),
        (C.Process, "violated-seccomp-policy", ["SECCOMP"]),
        (C.Process, "loaded-bpf-program", ["BPF"]),
        (C.Process, "sent-test-message", ["TEST"]),
        (C.Process, "trusted-app-message", ["TRUSTED_APP"]),
        (C.Authentication, "logged-in", ["USER_LOGIN"]),
        (C.Authentication, "logged-out", ["USER_LOGOUT"]),
        (C.Authentication, "authenticated", ["USER_AUTH"]),
        (C.Authentication, "was-authorized", ["USER_ACCT"]),
        (C.Authentication, "acquired-credentials", ["CRED_ACQ"]),
        (C.Authentication, "disposed-credentials", ["CRED_DISP"]),
        (C.Authentication, "refreshed-credentials", ["CRED_REFR"]),
        (C.Authentication, "authenticated-to-group", ["GRP_AUTH"]),
        (C.Authentication, "changed-login-id", ["LOGIN"]),
        (C.Authentication, "authentication-error", ["USER_ERR"]),
        (C.Session, "opened-session", ["USER_START"]),
        (C.Session, "closed-session", ["USER_END"]),
        (C.UserManagement, "added-user", ["ADD_USER"]),
        (C.UserManagement, "deleted-user", ["DEL_USER"]),
        (C.UserManagement, "modified-user", ["USER_MGMT"]),
        (C.UserManagement, "changed-password", ["USER_CHAUTHTOK"]),
        (C.UserManagement, "locked-account", ["ACCT_LOCK"]),
        (C.UserManagement, "unlocked-account", ["ACCT_UNLOCK"]),
        (C.UserManagement, "assigned-role", ["ROLE_ASSIGN"]),
        (C.UserManagement, "removed-role", ["ROLE_REMOVE"]),
        (C.UserManagement, "modified-role", ["ROLE_MODIFY"]),
        (C.UserManagement, "changed-role", ["USER_ROLE_CHANGE"]),
        (C.GroupManagement, "added-group", ["ADD_GROUP"]),
        (C.GroupManagement, "deleted-group", ["DEL_GROUP"]),
        (C.GroupManagement, "modified-group", ["GRP_MGMT"]),
        (C.GroupManagement, "changed-group-password", ["GRP_CHAUTHTOK"]),
        (C.Tty, "typed", ["TTY", "USER_TTY"]),
        (C.AuditConfig, "changed-audit-configuration", ["CONFIG_CHANGE"]),
        (C.AuditConfig, "changed-audit-feature", ["FEATURE_CHANGE"]),
        (C.AuditConfig, "initialized-audit", ["KERNEL"]),
        (C.AuditConfig, "registered-audit-listener", ["EVENT_LISTENER"]),
        (C.Daemon, "started-audit", ["DAEMON_START"]),
        (C.Daemon, "stopped-audit", ["DAEMON_END"]),
        (C.Daemon, "aborted-audit", ["DAEMON_ABORT"]),
        (C.Daemon, "changed-auditd-configuration", ["DAEMON_CONFIG"]),
        (C.Daemon, "rotated-audit-logs", ["DAEMON_ROTATE"]),
        (C.Daemon, "resumed-audit-logging", ["DAEMON_RESUME"]),
        (C.Daemon, "remote-audit-connected", ["DAEMON_ACCEPT"]),
        (C.Daemon, "remote-audit-disconnected", ["DAEMON_CLOSE"]),
        (C.Daemon, "audit-error", ["DAEMON_ERR"]),
        (C.KernelModule, "loaded-kernel-module", ["KERN_MODULE"]),
        (C.System, "booted-system", ["SYSTEM_BOOT"]),
        (C.System, "shut-down-system", ["SYSTEM_SHUTDOWN"]),
        (C.System, "changed-runlevel", ["SYSTEM_RUNLEVEL"]),
        (C.System, "started-service", ["SERVICE_START"]),
        (C.System, "stopped-service", ["SERVICE_STOP"]),
        (C.System, "changed-system-time", ["TIME_ADJNTPVAL", "TIME_INJOFFSET"]),
        (C.System, "updated-software", ["SOFTWARE_UPDATE"]),
        (C.System, "used-device", ["USER_DEVICE", "DEV_ALLOC", "DEV_DEALLOC"]),
        (C.Configuration, "changed-configuration", ["USYS_CONFIG"]),
        (C.Configuration, "changed-firewall-configuration", ["NETFILTER_CFG"]),
        (C.Network, "logged-packet", ["NETFILTER_PKT"]),
        (C.Mac, "violated-selinux-policy", ["AVC"]),
        (C.Mac, "checked-user-space-access", ["USER_AVC"]),
        (C.Mac, "caused-mac-policy-error", ["SELINUX_ERR", "USER_SELINUX_ERR"]),
        (C.Mac, "loaded-mac-policy", ["MAC_POLICY_LOAD", "USER_MAC_POLICY_LOAD"]),
        (C.Mac, "changed-mac-enforcement", ["MAC_STATUS", "USER_MAC_STATUS"]),
        (C.Mac, "changed-mac-configuration", ["MAC_CONFIG_CHANGE", "USER_MAC_CONFIG_CHANGE"]),
        (C.Mac, "relabeled-filesystem", ["FS_RELABEL"]),
        (C.Mac, "overrode-label", ["LABEL_OVERRIDE"]),
        (C.Mac, "changed-label-level", ["LABEL_LEVEL_CHANGE"]),
        (C.Mac, "checked-mac-permission", ["MAC_CHECK", "DAC_CHECK"]),
        (C.Mac, "exported-labeled-data", ["USER_LABELED_EXPORT", "USER_UNLABELED_EXPORT"]),
        (C.Mac, "violated-apparmor-policy", ["APPARMOR_DENIED", "APPARMOR_KILL"]),
        (C.Mac, "apparmor-event", ["APPARMOR", "APPARMOR_AUDIT", "APPARMOR_ALLOWED", "APPARMOR_HINT", "APPARMOR_STATUS", "APPARMOR_ERROR"]),
        (C.Anomaly, "changed-promiscuous-mode", ["ANOM_PROMISCUOUS"]),
        (C.Anomaly, "crashed-program", ["ANOM_ABEND"]),
        (C.Anomaly, "used-suspicious-link", ["ANOM_LINK"]),
        (C.Anomaly, "created-suspicious-file", ["ANOM_CREAT"]),
        (C.Anomaly, "failed-login-too-many-times", ["ANOM_LOGIN_FAILURES", "ANOM_ORIGIN_FAILURES"]),
        (C.Anomaly, "logged-in-at-unusual-time", ["ANOM_LOGIN_TIME"]),
        (C.Anomaly, "opened-too-many-sessions", ["ANOM_LOGIN_SESSIONS", "ANOM_SESSION"]),
        (C.Anomaly, "logged-in-to-watched-account", ["ANOM_LOGIN_ACCT"]),
        (C.Anomaly, "logged-in-from-unusual-place", ["ANOM_LOGIN_LOCATION"]),
        (C.Anomaly, "logged-in-as-service-account", ["ANOM_LOGIN_SERVICE"]),
        (C.Anomaly, "logged-in-as-root", ["ANOM_LOGIN_ROOT"]),
        (C.Anomaly, "reached-access-failure-limit", ["ANOM_MAX_DAC", "ANOM_MAX_MAC"]),
        (C.Anomaly, "failed-self-test", ["ANOM_AMTU_FAIL", "ANOM_RBAC_FAIL", "ANOM_RBAC_INTEGRITY_FAIL", "ANOM_CRYPTO_FAIL"]),
        (C.Anomaly, "accessed-watched-file", ["ANOM_ACCESS_FS"]),
        (C.Anomaly, "executed-forbidden-program", ["ANOM_EXEC"]),
        (C.Anomaly, "made-file-executable", ["ANOM_MK_EXEC"]),
        (C.Anomaly, "added-user", ["ANOM_ADD_ACCT"]),
        (C.Anomaly, "deleted-user", ["ANOM_DEL_ACCT"]),
        (C.Anomaly, "modified-user", ["ANOM_MOD_ACCT"]),
        (C.Anomaly, "became-root", ["ANOM_ROOT_TRANS"]),
        (C.Anomaly, "responded-to-anomaly", [
            "RESP_ANOMALY", "RESP_ALERT", "RESP_KILL_PROC", "RESP_TERM_ACCESS", "RESP_ACCT_REMOTE", "RESP_ACCT_LOCK_TIMED",
            "RESP_ACCT_UNLOCK_TIMED", "RESP_ACCT_LOCK", "RESP_TERM_LOCK", "RESP_SEBOOL", "RESP_EXEC", "RESP_SINGLE", "RESP_HALT",
            "RESP_ORIGIN_BLOCK", "RESP_ORIGIN_BLOCK_TIMED", "RESP_ORIGIN_UNBLOCK_TIMED"]),
        (C.Crypto, "negotiated-crypto-key", ["CRYPTO_KEY_USER"]),
        (C.Crypto, "started-crypto-session", ["CRYPTO_SESSION", "CRYPTO_IKE_SA", "CRYPTO_IPSEC_SA"]),
        (C.Crypto, "crypto-officer-logged-in", ["CRYPTO_LOGIN"]),
        (C.Crypto, "crypto-officer-logged-out", ["CRYPTO_LOGOUT"]),
        (C.Crypto, "crypto-event", ["CRYPTO_TEST_USER", "CRYPTO_PARAM_CHANGE_USER", "CRYPTO_FAILURE_USER", "CRYPTO_REPLAY_USER"]),
        (C.Virtualization, "controlled-vm", ["VIRT_CONTROL"]),
        (C.Virtualization, "assigned-vm-resource", ["VIRT_RESOURCE"]),
        (C.Virtualization, "assigned-vm-id", ["VIRT_MACHINE_ID"]),
        (C.Virtualization, "checked-vm-integrity", ["VIRT_INTEGRITY_CHECK"]),
        (C.Virtualization, "created-vm", ["VIRT_CREATE"]),
        (C.Virtualization, "destroyed-vm", ["VIRT_DESTROY"]),
        (C.Virtualization, "migrated-vm", ["VIRT_MIGRATE_IN", "VIRT_MIGRATE_OUT"]),
        (C.Integrity, "measured-integrity", [
            "INTEGRITY_DATA", "INTEGRITY_METADATA", "INTEGRITY_STATUS", "INTEGRITY_HASH", "INTEGRITY_PCR", "INTEGRITY_RULE",
            "INTEGRITY_EVM_XATTR", "INTEGRITY_POLICY_RULE"]),
        (C.Other, "sent-message", ["USER"]),
    ]);

    /// <summary>Syscalls by family.</summary>
    public static FrozenDictionary<string, EventClass> Syscalls { get; } = Build(
    [
        (C.Process, "executed", ["execve", "execveat"]),
        (C.Process, "created-process", ["fork", "vfork", "clone", "clone3"]),
        (C.Process, "exited", ["exit", "exit_group"]),
        (C.Process, "sent-signal", ["kill", "tkill", "tgkill", "pidfd_send_signal"]),
        (C.Process, "traced-process", ["ptrace"]),
        (C.Process, "accessed-process-memory", ["process_vm_readv", "process_vm_writev"]),
        (C.Process, "changed-identity", [
            "setuid", "seteuid", "setreuid", "setresuid", "setfsuid", "setgid", "setegid", "setregid", "setresgid", "setfsgid",
            "setuid32", "setreuid32", "setresuid32", "setfsuid32", "setgid32", "setregid32", "setresgid32", "setfsgid32", "setgroups", "setgroups32"]),
        (C.Process, "changed-capabilities", ["capset", "prctl"]),
        (C.Process, "allocated-memory", ["mmap", "mmap2", "brk", "mprotect", "pkey_mprotect"]),
        (C.Process, "created-anonymous-file", ["memfd_create"]),
        (C.Process, "changed-scheduling", ["sched_setparam", "sched_setscheduler", "sched_setattr"]),
        (C.Process, "used-bpf", ["bpf"]),
        (C.Process, "used-ipc", ["msgctl", "msgget", "msgsnd", "msgrcv", "semctl", "semget", "semop", "shmctl", "shmget", "shmat", "ipc"]),
        (C.File, "created-file", ["creat"]),
        (C.File, "opened-file", ["open", "openat", "openat2", "open_by_handle_at", "name_to_handle_at"]),
        (C.File, "read-file", ["read", "pread64", "readv", "preadv", "preadv2"]),
        (C.File, "wrote-to-file", ["write", "pwrite64", "writev", "pwritev", "pwritev2"]),
        (C.File, "truncated-file", ["truncate", "ftruncate", "truncate64", "ftruncate64", "fallocate"]),
        (C.File, "changed-file-permissions", ["chmod", "fchmod", "fchmodat", "fchmodat2"]),
        (C.File, "changed-file-ownership", ["chown", "fchown", "fchownat", "lchown", "chown32", "fchown32", "lchown32"]),
        (C.File, "changed-file-attributes", ["setxattr", "lsetxattr", "fsetxattr", "removexattr", "lremovexattr", "fremovexattr", "setxattrat", "removexattrat"]),
        (C.File, "checked-file-metadata", [
            "access", "faccessat", "faccessat2", "stat", "lstat", "fstat", "newfstatat", "fstatat64", "stat64", "lstat64", "fstat64", "statx",
            "getxattr", "lgetxattr", "fgetxattr", "listxattr", "llistxattr", "flistxattr", "readlink", "readlinkat"]),
        (C.File, "checked-filesystem-metadata", ["statfs", "fstatfs", "statfs64", "fstatfs64"]),
        (C.File, "created-directory", ["mkdir", "mkdirat"]),
        (C.File, "deleted-file", ["unlink", "unlinkat", "rmdir"]),
        (C.File, "renamed-file", ["rename", "renameat", "renameat2"]),
        (C.File, "created-link", ["link", "linkat"]),
        (C.File, "created-symlink", ["symlink", "symlinkat"]),
        (C.File, "changed-file-timestamps", ["utime", "utimes", "futimesat", "utimensat", "futimens"]),
        (C.File, "created-device-file", ["mknod", "mknodat"]),
        (C.File, "mounted", ["mount", "fsmount", "move_mount", "mount_setattr"]),
        (C.File, "unmounted", ["umount", "umount2"]),
        (C.Network, "connected-to", ["connect"]),
        (C.Network, "bound-socket", ["bind"]),
        (C.Network, "listened-for-connections", ["listen"]),
        (C.Network, "accepted-connection", ["accept", "accept4"]),
        (C.Network, "sent-data", ["send", "sendto", "sendmsg", "sendmmsg"]),
        (C.Network, "received-data", ["recv", "recvfrom", "recvmsg", "recvmmsg"]),
        (C.Network, "created-socket", ["socket", "socketpair"]),
        (C.KernelModule, "loaded-kernel-module", ["init_module", "finit_module"]),
        (C.KernelModule, "unloaded-kernel-module", ["delete_module"]),
        (C.KernelModule, "loaded-kernel-image", ["kexec_load", "kexec_file_load"]),
        (C.System, "changed-system-time", ["settimeofday", "clock_settime", "adjtimex", "clock_adjtime", "stime"]),
        (C.System, "changed-system-name", ["sethostname", "setdomainname"]),
        (C.System, "changed-swap", ["swapon", "swapoff"]),
        (C.System, "rebooted-system", ["reboot"]),
        (C.System, "changed-root-directory", ["chroot", "pivot_root"]),
    ]);

    /// <summary>
    /// Conventional rule keys (auditd's sample rules, the CIS benchmark rules, Neo23x0) that say what a rule watches:
    /// used only when neither a record type nor the syscall names the event.
    /// </summary>
    public static FrozenDictionary<string, EventClass> Keys { get; } = Build(
    [
        (C.Process, "executed", ["exec", "execpriv", "rootcmd", "detect_execve_www", "susp_shell", "recon", "susp_activity"]),
        (C.File, "changed-file-permissions", ["perm_mod"]),
        (C.File, "deleted-file", ["delete"]),
        (C.File, "mounted", ["mount", "mounts"]),
        (C.File, "opened-file", ["access", "file_access", "unauthedfileaccess"]),
        (C.UserManagement, "changed-account-files", ["identity", "etcpasswd", "etcgroup", "opasswd", "user_modification", "passwd_modification"]),
        (C.GroupManagement, "changed-account-files", ["group_modification"]),
        (C.System, "changed-system-time", ["time-change", "time", "localtime"]),
        (C.System, "changed-system-name", ["system-locale", "network_modifications"]),
        (C.KernelModule, "loaded-kernel-module", ["modules", "module-load", "kernel_modules"]),
        (C.AuditConfig, "changed-audit-configuration", ["auditconfig", "audispconfig", "audit_rules_networkconfig_modification"]),
        (C.Authentication, "changed-login-configuration", ["logins", "login", "pam", "sshd"]),
        (C.Session, "changed-session-records", ["session"]),
        (C.Network, "connected-to", ["network_connect_4", "network_connect_6", "remote_shell"]),
    ]);

    private static FrozenDictionary<string, EventClass> Build((string Category, string Action, string[] Names)[] entries)
    {
        var map = new Dictionary<string, EventClass>(StringComparer.Ordinal);
        foreach (var (category, action, names) in entries)
        {
            foreach (var name in names)
            {
                map.Add(name, new EventClass(category, action));
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
