using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Interpretation;

public class ErrorNumberTests
{
    // ssh-intrusion/audit.log line 106: connect(2) exit=-2; ausearch-i.txt prints exit=ENOENT(No such file or directory).
    [Fact]
    public void A_real_failed_connect_reads_as_ausearch_prints_it()
    {
        var record = FixtureRecords.Line(FixtureRecords.SshIntrusion, 106);
        Assert.True(record.TryGetInt64("exit"u8, out var exit));

        Assert.Equal("ENOENT", ErrorNumbers.NameOfExit(exit));
        Assert.Equal("ENOENT(No such file or directory)", ErrorNumbers.AuparseText(exit));
        var reference = File.ReadLines(TestSupport.RepoPaths.Fixture("ssh-intrusion", "ausearch-i.txt")).Single(l => l.Contains(":4198) : arch=", StringComparison.Ordinal));
        Assert.Contains("exit=" + ErrorNumbers.AuparseText(exit) + " ", reference, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, "0")]
    [InlineData(60, null, "60")]
    [InlineData(-11, "EAGAIN", "EAGAIN(Resource temporarily unavailable)")]
    [InlineData(-35, "EDEADLK", "EDEADLK(Resource deadlock avoided)")]
    [InlineData(-41, null, "(null)(Unknown error 41)")]
    [InlineData(-133, "EHWPOISON", "EHWPOISON(Memory page has hardware error)")]
    [InlineData(-512, null, "(null)(Unknown error 512)")]
    public void Exit_values(long exit, string? name, string auparse)
    {
        Assert.Equal(name, ErrorNumbers.NameOfExit(exit));
        Assert.Equal(auparse, ErrorNumbers.AuparseText(exit));
    }
}
