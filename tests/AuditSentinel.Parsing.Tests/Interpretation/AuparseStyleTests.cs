using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Interpretation;

public class AuparseStyleTests
{
    // ssh-intrusion/audit.log line 2 against ausearch-i.txt's rendering of the same record (event 4160).
    [Fact]
    public void Renders_a_real_enriched_syscall_record_as_ausearch_did()
    {
        var record = FixtureRecords.Line(FixtureRecords.SshIntrusion, 2);
        var rendered = Enumerable.Range(0, record.FieldCount).Select(i => record[i])
            .Select(f => (Name: f.NameText, Value: AuparseStyle.Render(record, f))).Where(f => f.Value is not null)
            .Select(f => $"{f.Name}={f.Value}");
        var reference = File.ReadLines(TestSupport.RepoPaths.Fixture("ssh-intrusion", "ausearch-i.txt"))
            .Single(l => l.Contains("type=SYSCALL msg=audit(11/22/26 07:45:28.773:4160)", StringComparison.Ordinal));

        foreach (var field in rendered)
        {
            Assert.Contains(" " + field + " ", reference, StringComparison.Ordinal);
        }

        Assert.Equal(
            ["arch=x86_64", "syscall=sendto", "success=yes", "exit=60", "a0=0x3", "a1=0x7ffc6d4876e0", "a2=0x3c", "a3=0x0", "auid=unset", "uid=root"],
            rendered.Take(10), StringComparer.Ordinal);
    }

    [Fact]
    public void Control_bytes_are_escaped_as_octal_and_multi_keys_split()
    {
        var record = FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): arch=40000003 syscall=102 success=no exit=-13 a0=3 a1=0 a2=0 a3=0 items=0 ppid=1 pid=2 auid=0 uid=0 ses=1 comm=610962 exe=\"/x\" key=6B31016B32");
        string? Field(string name) => Enumerable.Range(0, record.FieldCount).Select(i => record[i]).Where(f => f.NameText == name).Select(f => AuparseStyle.Render(record, f)).Single();

        Assert.Equal("a\\011b", Field("comm"));
        Assert.Equal("k1 key=k2", Field("key"));
        Assert.Equal("socketcall(connect)", Field("syscall"));
        Assert.Equal("EACCES(Permission denied)", Field("exit"));
        Assert.Null(Field("uid"));
    }
}
