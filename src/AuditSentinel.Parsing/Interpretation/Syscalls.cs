namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// System call numbers to names per architecture, from the reference's own tables (<c>ausyscall --dump</c>, see
/// generate-syscall-tables.sh): x86_64, i386, aarch64, arm, ppc/ppc64/ppc64le, s390 and s390x.
/// </summary>
public static class Syscalls
{
    /// <summary>The name of syscall <paramref name="number"/> on <paramref name="arch"/>, or null when unknown.</summary>
    /// <param name="arch">The arch as logged (<c>c000003e</c>) or as named by ENRICHED <c>ARCH=</c> (<c>x86_64</c>).</param>
    /// <param name="number">The syscall number (<c>syscall=59</c>).</param>
    public static string? Name(string? arch, long number) =>
        arch is not null && Architectures.TryResolve(arch, out var resolved) ? Name(resolved, number) : null;

    /// <summary>The name of syscall <paramref name="number"/> on an AUDIT_ARCH value, or null when unknown.</summary>
    public static string? Name(uint arch, long number)
    {
        var table = TableOf(arch);
        return table is not null && (ulong)number < (ulong)table.Length ? table[number] : null;
    }

    private static string?[]? TableOf(uint arch) => arch switch
    {
        Architectures.X8664 => SyscallTables.X8664,
        Architectures.I386 => SyscallTables.I386,
        Architectures.Aarch64 => SyscallTables.Aarch64,
        Architectures.Arm => SyscallTables.Arm,
        Architectures.Ppc or Architectures.Ppc64 or Architectures.Ppc64le => SyscallTables.Ppc,
        Architectures.S390 => SyscallTables.S390,
        Architectures.S390x => SyscallTables.S390x,
        _ => null,
    };
}
