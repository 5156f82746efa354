namespace AuditSentinel.Tables.Normalization;

/// <summary>The categories of the normalization vocabulary (docs/normalization.md).</summary>
public static class Categories
{
    /// <summary>Process life cycle and identity: exec, signals, setuid, capabilities, memory.</summary>
    public const string Process = "process";
    /// <summary>Authentication and authorization: PAM, logins, credentials.</summary>
    public const string Authentication = "authentication";
    /// <summary>PAM session start and end.</summary>
    public const string Session = "session";
    /// <summary>User accounts: add, delete, modify, passwords, roles, locks.</summary>
    public const string UserManagement = "user-management";
    /// <summary>Group accounts.</summary>
    public const string GroupManagement = "group-management";
    /// <summary>Files and file systems.</summary>
    public const string File = "file";
    /// <summary>Sockets and connections.</summary>
    public const string Network = "network";
    /// <summary>Kernel audit rules and settings.</summary>
    public const string AuditConfig = "audit-config";
    /// <summary>The audit daemon itself.</summary>
    public const string Daemon = "daemon";
    /// <summary>Mandatory access control: SELinux, AppArmor.</summary>
    public const string Mac = "mac";
    /// <summary>Anomalies and responses reported by the kernel or an IDS.</summary>
    public const string Anomaly = "anomaly";
    /// <summary>Keystrokes (pam_tty_audit).</summary>
    public const string Tty = "tty";
    /// <summary>Kernel modules and kernel images.</summary>
    public const string KernelModule = "kernel-module";
    /// <summary>Cryptographic sessions and keys.</summary>
    public const string Crypto = "crypto";
    /// <summary>The host: boot, shutdown, services, time, name, software.</summary>
    public const string System = "system";
    /// <summary>Configuration of other subsystems: firewall, user-space configuration.</summary>
    public const string Configuration = "configuration";
    /// <summary>Virtual machines.</summary>
    public const string Virtualization = "virtualization";
    /// <summary>Integrity measurement (IMA/EVM).</summary>
    public const string Integrity = "integrity";
    /// <summary>Anything the vocabulary does not name.</summary>
    public const string Other = "other";
}
