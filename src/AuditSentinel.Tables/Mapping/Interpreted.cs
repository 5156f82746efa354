using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// Interpreted values for the typed columns: auditd's own ENRICHED interpretation when the log has it, else the
/// parsing library's (syscall and arch tables, SOCKADDR decoding, EXECVE assembly, PROCTITLE). The fields used are
/// taken, so they do not repeat in Fields.
/// </summary>
internal static class Interpreted
{
    /// <summary>The raw <c>arch=</c> of the syscall record (audit's hex arch value), taken; null when absent.</summary>
    internal static string? RawArch(EventFields fields, AuditRecord syscall) =>
        fields.TryTake(syscall, MappedName.Arch, out var raw) ? ColumnTexts.Of(raw) : null;

    /// <summary>The syscall name: ENRICHED SYSCALL=, else the name of the number on <paramref name="rawArch"/>, else the number.</summary>
    internal static string? Syscall(EventFields fields, AuditRecord syscall, string? rawArch)
    {
        var hasNumber = fields.TryTake(syscall, MappedName.Syscall, out var raw);
        if (fields.TryTake(syscall, MappedName.EnrichedSyscall, out var enriched) && ColumnTexts.Of(enriched) is { } name)
        {
            return name;
        }

        if (!hasNumber)
        {
            return null;
        }

        return FieldNumbers.TryGetInt64(raw, out var value) && Syscalls.Name(rawArch, value) is { } known ? known : ColumnTexts.Of(raw);
    }

    /// <summary>The architecture name: ENRICHED ARCH=, else the name of <paramref name="rawArch"/>, else the value as written.</summary>
    internal static string? Arch(EventFields fields, AuditRecord syscall, string? rawArch) =>
        fields.TryTake(syscall, MappedName.EnrichedArch, out var enriched) && ColumnTexts.Of(enriched) is { } name ? name : Architectures.Name(rawArch) ?? rawArch;

    /// <summary>
    /// Family, address (IP, or the unix socket path) and port of a SOCKADDR record. The raw <c>saddr=</c> stays in Fields
    /// for what the columns do not hold (netlink ids, IPv6 flow and scope); ENRICHED SADDR= repeats it and is taken.
    /// </summary>
    internal static (string? Family, string? Address, int? Port) Socket(EventFields fields, AuditRecord sockaddr)
    {
        fields.TryTake(sockaddr, MappedName.EnrichedSaddr, out _);
        return fields.TryFind(sockaddr, MappedName.Saddr, out var saddr) ? SocketColumns.Of(saddr) : default;
    }

    /// <summary>The process title as <c>ausearch -i</c> shows it: arguments separated by spaces.</summary>
    internal static string? ProcTitle(EventFields fields, AuditRecord proctitle) =>
        fields.TryTake(proctitle, MappedName.ProcTitle, out var field) ? ProcessTitles.Of(field) : null;

    /// <summary>
    /// argv and its shell-quoted command line from the EXECVE records. A whole argv takes the EXECVE fields; when the log
    /// lost part of it, the raw fields stay in Fields as evidence and a lost argument is null in Argv.
    /// </summary>
    internal static (IReadOnlyList<string?>? Argv, string? CommandLine) Execve(EventFields fields)
    {
        var execve = ExecveAssembler.Assemble(fields.Records);
        if (execve.Arguments.Count == 0)
        {
            return default;
        }

        if (execve.IsComplete)
        {
            foreach (var record in fields.Records)
            {
                if (record.TypeNumber == RecordType.Execve)
                {
                    fields.TakeAll(record, FieldOrigin.Body);
                }
            }
        }

        return (execve.Arguments, execve.CommandLine);
    }
}
