using System.Globalization;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// The kernel's <c>arch=</c> values (AUDIT_ARCH_*: the ELF machine, plus 64-bit and little-endian flags, in hex) and
/// their names. ENRICHED logs carry auditd's own name in <c>ARCH=</c>; callers use that when present.
/// </summary>
public static class Architectures
{
    /// <summary>AUDIT_ARCH_X86_64.</summary>
    public const uint X8664 = 0xC000003E;
    /// <summary>AUDIT_ARCH_I386.</summary>
    public const uint I386 = 0x40000003;
    /// <summary>AUDIT_ARCH_AARCH64.</summary>
    public const uint Aarch64 = 0xC00000B7;
    /// <summary>AUDIT_ARCH_ARM (little-endian 32-bit ARM).</summary>
    public const uint Arm = 0x40000028;
    /// <summary>AUDIT_ARCH_PPC.</summary>
    public const uint Ppc = 0x00000014;
    /// <summary>AUDIT_ARCH_PPC64.</summary>
    public const uint Ppc64 = 0x80000015;
    /// <summary>AUDIT_ARCH_PPC64LE.</summary>
    public const uint Ppc64le = 0xC0000015;
    /// <summary>AUDIT_ARCH_S390.</summary>
    public const uint S390 = 0x00000016;
    /// <summary>AUDIT_ARCH_S390X.</summary>
    public const uint S390x = 0x80000016;
    /// <summary>AUDIT_ARCH_RISCV32.</summary>
    public const uint Riscv32 = 0x400000F3;
    /// <summary>AUDIT_ARCH_RISCV64.</summary>
    public const uint Riscv64 = 0xC00000F3;

    /// <summary>Parses the hex of <c>arch=c000003e</c> (no <c>0x</c>, either case).</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out uint arch) =>
        uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out arch);

    /// <summary>The conventional name (uname -m style: x86_64, i386, aarch64, arm, ppc64le, s390x, riscv64...), or null when unknown.</summary>
    public static string? Name(uint arch) => arch switch
    {
        X8664 => "x86_64",
        I386 => "i386",
        Aarch64 => "aarch64",
        Arm => "arm",
        Ppc => "ppc",
        Ppc64 => "ppc64",
        Ppc64le => "ppc64le",
        S390 => "s390",
        S390x => "s390x",
        Riscv32 => "riscv32",
        Riscv64 => "riscv64",
        _ => null,
    };

    /// <summary>The conventional name of a hex <c>arch=</c> value, or null when it is not one this table knows.</summary>
    public static string? Name(string? hex) => hex is not null && TryParse(hex, out var arch) ? Name(arch) : null;

    /// <summary>
    /// What <c>ausearch -i</c> (auparse 3.0.9) prints for <c>arch=</c>: the name from its machine table, which calls 32-bit
    /// ARM <c>armeb</c> and knows no RISC-V, else <c>unknown-elf-type(hex)</c>.
    /// </summary>
    public static string AuparseName(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!TryParse(hex, out var arch))
        {
            return $"conversion error({hex}) ";
        }

        return arch switch
        {
            Arm => "armeb",
            Riscv32 or Riscv64 => $"unknown-elf-type({hex})",
            _ => Name(arch) ?? $"unknown-elf-type({hex})",
        };
    }

    /// <summary>Resolves an arch given as hex (<c>c000003e</c>) or as a name (ENRICHED <c>ARCH=x86_64</c>).</summary>
    public static bool TryResolve(ReadOnlySpan<char> hexOrName, out uint arch)
    {
        arch = hexOrName switch
        {
            "x86_64" => X8664,
            "i386" or "i486" or "i586" or "i686" => I386,
            "aarch64" or "armv8l" => Aarch64,
            "arm" or "armeb" or "armv5tejl" or "armv5tel" or "armv6l" or "armv7l" => Arm,
            "ppc" => Ppc,
            "ppc64" => Ppc64,
            "ppc64le" => Ppc64le,
            "s390" => S390,
            "s390x" => S390x,
            "riscv32" => Riscv32,
            "riscv64" => Riscv64,
            _ => 0,
        };
        return arch != 0 || (TryParse(hexOrName, out arch) && arch != 0);
    }
}
