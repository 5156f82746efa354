namespace AuditSentinel.Parsing.Interpretation;

/// <summary>A decoded SOCKADDR <c>saddr=</c>: the kernel's raw <c>struct sockaddr</c> as the syscall passed it.</summary>
public sealed record SocketAddress
{
    /// <summary>The AF_* number (host byte order, as the kernel logs it on little-endian machines).</summary>
    public required int Family { get; init; }

    /// <summary>auparse's family name (<c>inet</c>, <c>inet6</c>, <c>local</c>, <c>netlink</c>...), or null when it has none.</summary>
    public string? FamilyName => SocketFamilies.Name(Family);

    /// <summary>
    /// The IPv4/IPv6 address text (<c>127.0.0.1</c>, <c>fe80::1%2</c>), or the X.25 address. The scope stays a number:
    /// auparse prints a link-local scope as the interface name of the machine running it (<c>fe80::1%eth0</c>).
    /// </summary>
    public string? Address { get; init; }

    /// <summary>The inet/inet6 port.</summary>
    public int? Port { get; init; }

    /// <summary>The unix socket path; for an abstract socket, the name after its leading NUL.</summary>
    public string? Path { get; init; }

    /// <summary>True when <see cref="Path"/> names an abstract unix socket (the kernel's path began with NUL).</summary>
    public bool IsAbstract { get; init; }

    /// <summary>The IPv6 flow information.</summary>
    public uint? FlowInfo { get; init; }

    /// <summary>The IPv6 scope id (interface index), when not 0.</summary>
    public uint? ScopeId { get; init; }

    /// <summary>The netlink port id (<c>nl_pid</c>; 0 is the kernel).</summary>
    public uint? NetlinkPid { get; init; }

    /// <summary>The netlink groups mask.</summary>
    public uint? NetlinkGroups { get; init; }

    /// <summary>
    /// The netlink protocol family as auparse reports it (<c>nlnk-fam</c>): it prints <c>nl_family</c>, which is
    /// always AF_NETLINK (16), not the socket's protocol.
    /// </summary>
    public int? NetlinkFamily { get; init; }

    /// <summary>Set when the structure is shorter than its family needs; what was readable is kept.</summary>
    public bool IsTruncated { get; init; }

    /// <summary>The rendering <c>ausearch -i</c> prints, e.g. <c>{ saddr_fam=inet laddr=127.0.0.1 lport=8000 }</c>.</summary>
    public required string AuparseText { get; init; }
}
