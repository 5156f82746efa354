using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Interpretation;

public class SocketAddressTests
{
    // Every SOCKADDR of ssh-intrusion/audit.log carries auditd's own rendering in ENRICHED SADDR={...}.
    [Fact]
    public void Rendering_matches_auditds_enriched_SADDR_on_every_real_record()
    {
        var compared = 0;
        foreach (var record in FixtureRecords.All(FixtureRecords.SshIntrusion).Where(r => r.TypeNumber == RecordType.SockAddr))
        {
            Assert.True(record.TryGetField("saddr"u8, out var saddr));
            Assert.True(SocketAddressDecoder.TryDecode(saddr, out var address));
            Assert.Equal("{ " + record.GetEnrichedText("SADDR"u8) + " }", address.AuparseText);
            compared++;
        }

        Assert.True(compared > 50);
    }

    // ssh-intrusion/audit.log line 121: connect to the D-Bus system socket.
    [Fact]
    public void Unix_path()
    {
        Assert.True(FixtureRecords.Line(FixtureRecords.SshIntrusion, 121).TryGetField("saddr"u8, out var saddr));
        Assert.True(SocketAddressDecoder.TryDecode(saddr, out var address));

        Assert.Equal(SocketFamilies.Local, address.Family);
        Assert.Equal("local", address.FamilyName);
        Assert.Equal("/run/dbus/system_bus_socket", address.Path);
        Assert.False(address.IsAbstract);
    }

    // go-libaudit/auparse/testdata/audit-rhel7.log lines 22-26.
    [Theory]
    [InlineData(22, 2, "169.254.169.254", 80, null, "{ saddr_fam=inet laddr=169.254.169.254 lport=80 }")]
    [InlineData(23, 16, null, null, null, "{ saddr_fam=netlink nlnk-fam=16 nlnk-pid=0 }")]
    [InlineData(24, 10, "::", 22, null, "{ saddr_fam=inet6 laddr=:: lport=22 }")]
    [InlineData(25, 0, null, null, null, "unknown-family(0)")]
    [InlineData(26, 1, null, null, "/var/run/nscd/socket", "{ saddr_fam=local path=/var/run/nscd/socket }")]
    public void Real_addresses(int line, int family, string? ip, int? port, string? path, string auparse)
    {
        Assert.True(FixtureRecords.Line(FixtureRecords.Rhel7, line).TryGetField("saddr"u8, out var saddr));
        Assert.True(SocketAddressDecoder.TryDecode(saddr, out var address));

        Assert.Equal(family, address.Family);
        Assert.Equal(ip, address.Address);
        Assert.Equal(port, address.Port);
        Assert.Equal(path, address.Path);
        Assert.Equal(auparse, address.AuparseText);
    }

    // Each checked against ausearch -i 3.0.9 (and covered by the generated-log differential test).
    [Theory]
    [InlineData("01000061627300", "{ saddr_fam=local path=abs }", true)]
    [InlineData("0A0000500000000000000000000000000000FFFF0A00000100000000", "{ saddr_fam=inet6 laddr=::ffff:10.0.0.1 lport=80 }", false)]
    [InlineData("0A000016000000000000000000000000000000000000000100000000", "{ saddr_fam=inet6 laddr=::1 lport=22 }", false)]
    [InlineData("0A0000160000000020010DB800000000000000000000000142000000", "{ saddr_fam=inet6 laddr=2001:db8::1%66 lport=22 }", false)]
    [InlineData("0A00", "{ saddr_fam=inet6 sockaddr6 len too short }", false)]
    [InlineData("1B000102", "unknown-family(27)", false)]
    [InlineData("1100000000000000", "{ saddr_fam=packet (unsupported) }", false)]
    public void Synthetic_shapes(string hex, string auparse, bool isAbstract)
    {
        Assert.True(SocketAddressDecoder.TryDecodeHex(hex, out var address));

        Assert.Equal(auparse, address.AuparseText);
        Assert.Equal(isAbstract, address.IsAbstract);
    }

    [Fact]
    public void Inet6_keeps_flow_and_scope()
    {
        Assert.True(SocketAddressDecoder.TryDecodeHex("0A00005000012345FE80000000000000000000000000000103000000", out var address));

        Assert.Equal(0x12345u, address.FlowInfo);
        Assert.Equal(3u, address.ScopeId);
        Assert.Equal("fe80::1%3", address.Address);
    }

    [Fact]
    public void Too_little_to_hold_a_family_is_not_an_address() => Assert.False(SocketAddressDecoder.TryDecodeHex("02", out _));
}
