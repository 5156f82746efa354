using System.Diagnostics;
using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Interpretation;

public class SyscallAndArchitectureTests
{
    // Every SYSCALL record of ssh-intrusion/audit.log (ENRICHED): auditd's own ARCH= and SYSCALL= are what the tables say.
    [Fact]
    public void Names_match_auditds_enriched_ARCH_and_SYSCALL_on_every_real_syscall_record()
    {
        var checkedRecords = 0;
        foreach (var record in FixtureRecords.All(FixtureRecords.SshIntrusion).Where(r => r.TypeNumber == RecordType.Syscall))
        {
            Assert.True(record.TryGetInt64("syscall"u8, out var number));
            Assert.Equal(record.GetEnrichedText("ARCH"u8), Architectures.Name(record.GetText("arch"u8)));
            Assert.Equal(record.GetEnrichedText("SYSCALL"u8), Syscalls.Name(record.GetText("arch"u8), number));
            Assert.Equal(record.GetEnrichedText("SYSCALL"u8), Syscalls.Name(record.GetEnrichedText("ARCH"u8), number));
            checkedRecords++;
        }

        Assert.True(checkedRecords > 100);
    }

    // The generated tables must still be what the installed ausyscall prints (rerun generate-syscall-tables.sh if not).
    [Theory]
    [InlineData("x86_64", Architectures.X8664)]
    [InlineData("i386", Architectures.I386)]
    [InlineData("aarch64", Architectures.Aarch64)]
    [InlineData("arm", Architectures.Arm)]
    [InlineData("ppc64le", Architectures.Ppc64le)]
    [InlineData("s390", Architectures.S390)]
    [InlineData("s390x", Architectures.S390x)]
    public void Tables_are_ausyscalls_dump(string table, uint arch)
    {
        var start = new ProcessStartInfo("/usr/bin/ausyscall") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(table);
        start.ArgumentList.Add("--dump");
        Assert.True(File.Exists(start.FileName), "ausyscall (Debian package auditd) is missing: run tests/run-all.sh, which installs it.");
        using var process = Process.Start(start)!;
        var dump = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split('\t')).ToDictionary(p => long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => p[1]);
        process.WaitForExit();

        Assert.True(dump.Count > 300);
        for (var number = -1L; number <= dump.Keys.Max() + 5; number++)
        {
            Assert.Equal(dump.GetValueOrDefault(number), Syscalls.Name(arch, number));
        }
    }

    [Theory]
    [InlineData("c000003e", "x86_64", "x86_64")]
    [InlineData("40000003", "i386", "i386")]
    [InlineData("c00000b7", "aarch64", "aarch64")]
    [InlineData("40000028", "arm", "armeb")]
    [InlineData("c00000f3", "riscv64", "unknown-elf-type(c00000f3)")]
    [InlineData("deadbeef", null, "unknown-elf-type(deadbeef)")]
    public void Arch_names_and_what_ausearch_prints(string hex, string? name, string auparse)
    {
        Assert.Equal(name, Architectures.Name(hex));
        Assert.Equal(auparse, Architectures.AuparseName(hex));
    }

    [Fact]
    public void Unknown_numbers_and_arches_have_no_name()
    {
        Assert.Null(Syscalls.Name("c000003e", 100_000));
        Assert.Null(Syscalls.Name("c000003e", -1));
        Assert.Null(Syscalls.Name("deadbeef", 59));
        Assert.Null(Syscalls.Name(null, 59));
    }
}
