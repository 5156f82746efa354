namespace AuditSentinel.Parsing.Interpretation;

/// <summary>Address family numbers (AF_*) and the names auparse gives them (auparse/famtab.h, 3.0.9).</summary>
public static class SocketFamilies
{
    /// <summary>AF_LOCAL / AF_UNIX.</summary>
    public const int Local = 1;
    /// <summary>AF_INET.</summary>
    public const int Inet = 2;
    /// <summary>AF_AX25.</summary>
    public const int Ax25 = 3;
    /// <summary>AF_ATMPVC.</summary>
    public const int AtmPvc = 8;
    /// <summary>AF_X25.</summary>
    public const int X25 = 9;
    /// <summary>AF_INET6.</summary>
    public const int Inet6 = 10;
    /// <summary>AF_NETLINK.</summary>
    public const int Netlink = 16;

    private static readonly string?[] Names =
    [
        null, "local", "inet", "ax25", "ipx", "appletalk", "netrom", "bridge", "atmpvc", "x25", "inet6", "rose", "decnet",
        "netbeui", "security", "key", "netlink", "packet", "ash", "econet", "atmsvc", "rds", "sna", "irda", "pppox",
        "wanpipe", "llc", null, null, "can", "tipc", "bluetooth", "iucv", "rxrpc", "isdn", "phonet", "ieee802154", "caif",
        "alg", "nfc", "vsock", "kcm", "qipcrtr", "smc", "xdp",
    ];

    /// <summary>auparse's name of a family (<c>inet</c>, <c>local</c>, <c>netlink</c>...), or null when it has none (AF_UNSPEC, AF_IB, AF_MPLS, newer ones).</summary>
    public static string? Name(int family) => (uint)family < (uint)Names.Length ? Names[family] : null;
}
