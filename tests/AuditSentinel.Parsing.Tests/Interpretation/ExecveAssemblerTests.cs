using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Interpretation;

public class ExecveAssemblerTests
{
    // ssh-intrusion/audit.log line 132: a0 and a1 quoted, a2 hex-encoded because it holds spaces.
    [Fact]
    public void Real_execve_with_a_hex_argument()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Line(FixtureRecords.SshIntrusion, 132)]);

        Assert.True(argv.IsComplete);
        Assert.Equal(3, argv.DeclaredCount);
        Assert.Equal("sh", argv.Arguments[0]);
        Assert.Equal("-c", argv.Arguments[1]);
        Assert.StartsWith("/usr/bin/env -i PATH=/usr/local/sbin:", argv.Arguments[2], StringComparison.Ordinal);
        Assert.Equal("sh -c '" + argv.Arguments[2] + "'", argv.CommandLine);
    }

    // go-libaudit/auparse/testdata/audit-rhel7.log line 15: seven quoted arguments.
    [Fact]
    public void Real_execve_with_quoted_arguments()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Line(FixtureRecords.Rhel7, 15)]);

        Assert.True(argv.IsComplete);
        Assert.Equal(7, argv.Arguments.Count);
        Assert.Equal("auditctl", argv.Arguments[0]);
        Assert.Equal("exit,always", argv.Arguments[2]);
    }

    // The kernel's layout for a long argument: a1_len, then a1[k] chunks continuing in the next EXECVE record.
    private const string First = "type=EXECVE msg=audit(1700000000.000:7): argc=3 a0=\"sh\" a1_len=11 a1[0]=\"hello\"";
    private const string Second = "type=EXECVE msg=audit(1700000000.000:7): a1[1]=20776F726C64 a2=\"x\"";

    [Fact]
    public void Chunks_spanning_records_are_joined()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Parse(First), FixtureRecords.Parse(Second)]);

        Assert.True(argv.IsComplete, string.Join("; ", argv.Problems));
        Assert.Equal(["sh", "hello world", "x"], argv.Arguments);
        Assert.Equal("sh 'hello world' x", argv.CommandLine);
    }

    [Fact]
    public void A_lost_record_is_reported_not_invented()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Parse(First)]);

        Assert.False(argv.IsComplete);
        Assert.Equal(["sh", null, null], argv.Arguments);
        Assert.Contains("argument 1 has 5 of its 11 bytes", argv.Problems, StringComparer.Ordinal);
        Assert.Contains("argument 2 is missing", argv.Problems, StringComparer.Ordinal);
        Assert.Equal("sh <missing> <missing>", argv.CommandLine);
    }

    [Fact]
    public void A_missing_chunk_is_reported()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Parse("type=EXECVE msg=audit(1700000000.000:8): argc=1 a0_len=4 a0[1]=\"ab\"")]);

        Assert.Equal(["argument 0 is missing chunk 0"], argv.Problems);
    }

    [Fact]
    public void An_event_without_execve_has_no_arguments()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Line(FixtureRecords.SshIntrusion, 3)]);

        Assert.Empty(argv.Arguments);
        Assert.True(argv.IsComplete);
        Assert.Null(argv.DeclaredCount);
    }

    [Fact]
    public void Arguments_logged_out_of_order_are_put_in_order()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Parse("type=EXECVE msg=audit(1700000000.000:9): argc=3 a0=\"ls\" a2=\"/tmp\" a1=\"-l\"")]);

        Assert.True(argv.IsComplete);
        Assert.Equal(["ls", "-l", "/tmp"], argv.Arguments);
    }

    [Fact]
    public void Fewer_arguments_than_argc_are_reported_missing()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Parse("type=EXECVE msg=audit(1700000000.000:10): argc=3 a0=\"ls\" a1=\"-l\"")]);

        Assert.Equal(["ls", "-l", null], argv.Arguments);
        Assert.Equal(["argument 2 is missing"], argv.Problems);
    }

    [Fact]
    public void Arguments_beyond_argc_are_kept_and_reported()
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Parse("type=EXECVE msg=audit(1700000000.000:11): argc=1 a0=\"ls\" a1=\"-l\"")]);

        Assert.Equal(["ls", "-l"], argv.Arguments);
        Assert.Equal(["arguments beyond argc=1 were logged"], argv.Problems);
    }

    [Theory]
    [InlineData("argc=2000000000 a0=\"ls\" a1=\"-l\"", 2_000_000_000)]
    [InlineData("argc=2 a0=\"ls\" a1999999999=\"-l\"", 2_000_000_000)]
    public void An_argc_or_index_far_beyond_the_logged_arguments_keeps_every_logged_argument_without_sizing_argv_from_the_log(string fields, int claimed)
    {
        var argv = ExecveAssembler.Assemble([FixtureRecords.Parse("type=EXECVE msg=audit(1700000000.000:12): " + fields)]);

        Assert.Equal(["ls", "-l"], argv.Arguments);
        Assert.False(argv.IsComplete);
        Assert.Contains($"{claimed - 2} of {claimed} arguments are missing; the 2 logged are listed in index order without placeholders", argv.Problems);
        Assert.True(argv.Problems.Count <= 2);
    }

    [Fact]
    public void Up_to_the_limit_missing_arguments_keep_their_places()
    {
        var count = ExecveAssembler.MaxMissingArguments + 1;
        var argv = ExecveAssembler.Assemble([FixtureRecords.Parse($"type=EXECVE msg=audit(1700000000.000:13): argc={count} a0=\"ls\"")]);

        Assert.Equal(count, argv.Arguments.Count);
        Assert.Equal("ls", argv.Arguments[0]);
        Assert.Equal(ExecveAssembler.MaxMissingArguments, argv.Problems.Count);
    }
}
