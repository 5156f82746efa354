namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// A field name the row mappers read, with the part of the record it is read from: lower-case names are body (and
/// <c>msg='...'</c>) fields, the <c>Enriched</c> ones are auditd's ENRICHED interpretation after the 0x1D separator.
/// </summary>
internal enum MappedName
{
    /// <summary><c>success=</c></summary>
    Success,

    /// <summary><c>res=</c></summary>
    Res,

    /// <summary><c>exit=</c></summary>
    Exit,

    /// <summary><c>pid=</c></summary>
    Pid,

    /// <summary><c>ppid=</c></summary>
    Ppid,

    /// <summary><c>auid=</c></summary>
    Auid,

    /// <summary><c>ses=</c></summary>
    Ses,

    /// <summary><c>uid=</c></summary>
    Uid,

    /// <summary><c>euid=</c></summary>
    Euid,

    /// <summary><c>gid=</c></summary>
    Gid,

    /// <summary><c>tty=</c></summary>
    Tty,

    /// <summary><c>comm=</c></summary>
    Comm,

    /// <summary><c>exe=</c></summary>
    Exe,

    /// <summary><c>cwd=</c></summary>
    Cwd,

    /// <summary><c>cmd=</c></summary>
    Cmd,

    /// <summary><c>acct=</c></summary>
    Acct,

    /// <summary><c>op=</c></summary>
    Op,

    /// <summary><c>terminal=</c></summary>
    Terminal,

    /// <summary><c>hostname=</c></summary>
    Hostname,

    /// <summary><c>addr=</c></summary>
    Addr,

    /// <summary><c>id=</c></summary>
    Id,

    /// <summary><c>key=</c></summary>
    Key,

    /// <summary><c>syscall=</c></summary>
    Syscall,

    /// <summary><c>arch=</c></summary>
    Arch,

    /// <summary><c>proctitle=</c></summary>
    ProcTitle,

    /// <summary><c>saddr=</c></summary>
    Saddr,

    /// <summary>ENRICHED <c>AUID=</c></summary>
    EnrichedAuid,

    /// <summary>ENRICHED <c>UID=</c></summary>
    EnrichedUid,

    /// <summary>ENRICHED <c>EUID=</c></summary>
    EnrichedEuid,

    /// <summary>ENRICHED <c>ID=</c></summary>
    EnrichedId,

    /// <summary>ENRICHED <c>SYSCALL=</c></summary>
    EnrichedSyscall,

    /// <summary>ENRICHED <c>ARCH=</c></summary>
    EnrichedArch,

    /// <summary>ENRICHED <c>SADDR=</c></summary>
    EnrichedSaddr,
}
