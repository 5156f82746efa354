using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// Decodes SOCKADDR <c>saddr=</c> (the hex of a <c>struct sockaddr</c>) the way auparse's <c>print_sockaddr</c> reads
/// it: family in host (little-endian) order, ports and IPv4/IPv6 addresses in network order, unix paths up to the
/// first NUL (108 bytes at most), abstract unix names after their leading NUL.
/// </summary>
public static class SocketAddressDecoder
{
    private const int UnixPathMax = 108;
    private const int InetLength = 16;
    private const int Inet6Length = 28;
    private const int NetlinkLength = 12;

    /// <summary>Decodes a <c>saddr=</c> field; false when it is absent, not hex, or shorter than a family number.</summary>
    public static bool TryDecode(in AuditField field, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SocketAddress? address)
    {
        address = null;
        if (field.Kind == FieldKind.Absent || field.RawValue.Length < 4)
        {
            return false;
        }

        // A sockaddr is at most 128 bytes (sockaddr_storage); a longer value is decoded off the stack.
        var length = field.RawValue.Length / 2;
        Span<byte> bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
        return FieldValues.TryDecodeHex(field.RawValue, bytes, out var written) && TryDecode(bytes[..written], out address);
    }

    /// <summary>Decodes the hex text of a <c>saddr=</c> value.</summary>
    public static bool TryDecodeHex(string hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SocketAddress? address)
    {
        ArgumentNullException.ThrowIfNull(hex);
        address = null;
        var ascii = Encoding.ASCII.GetBytes(hex);
        var bytes = new byte[ascii.Length / 2];
        return FieldValues.TryDecodeHex(ascii, bytes, out var written) && TryDecode(bytes.AsSpan(0, written), out address);
    }

    /// <summary>Decodes the bytes of a <c>struct sockaddr</c>.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SocketAddress? address)
    {
        address = null;
        if (bytes.Length < 2)
        {
            return false;
        }

        int family = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        var name = SocketFamilies.Name(family);
        address = name is null
            ? new SocketAddress { Family = family, AuparseText = Invariant($"unknown-family({family})") }
            : family switch
            {
                SocketFamilies.Local => Local(bytes, name),
                SocketFamilies.Inet => Inet(bytes, name),
                SocketFamilies.Inet6 => Inet6(bytes, name),
                SocketFamilies.Netlink => Netlink(bytes, name),
                SocketFamilies.Ax25 => Ax25(bytes, name),
                SocketFamilies.AtmPvc => AtmPvc(bytes, name),
                SocketFamilies.X25 => X25(bytes, name),
                _ => new SocketAddress { Family = family, AuparseText = $"{{ saddr_fam={name} (unsupported) }}" },
            };
        return true;
    }

    private static SocketAddress Local(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 4)
        {
            return TooShort(SocketFamilies.Local, name, "sockaddr len too short");
        }

        var isAbstract = bytes[2] == 0;
        var path = CString(bytes[(isAbstract ? 3 : 2)..], UnixPathMax);
        return new SocketAddress
        {
            Family = SocketFamilies.Local,
            Path = path,
            IsAbstract = isAbstract,
            AuparseText = $"{{ saddr_fam={name} path={path} }}",
        };
    }

    private static SocketAddress Inet(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < InetLength)
        {
            return TooShort(SocketFamilies.Inet, name, "sockaddr len too short");
        }

        var port = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        var address = Invariant($"{bytes[4]}.{bytes[5]}.{bytes[6]}.{bytes[7]}");
        return new SocketAddress
        {
            Family = SocketFamilies.Inet,
            Address = address,
            Port = port,
            AuparseText = Invariant($"{{ saddr_fam={name} laddr={address} lport={port} }}"),
        };
    }

    private static SocketAddress Inet6(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < Inet6Length)
        {
            return TooShort(SocketFamilies.Inet6, name, "sockaddr6 len too short");
        }

        var port = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        var scope = BinaryPrimitives.ReadUInt32LittleEndian(bytes[24..]);
        var address = Ipv6Text.Format(bytes.Slice(8, 16));
        if (scope != 0)
        {
            address += Invariant($"%{scope}");
        }

        return new SocketAddress
        {
            Family = SocketFamilies.Inet6,
            Address = address,
            Port = port,
            FlowInfo = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]),
            ScopeId = scope == 0 ? null : scope,
            AuparseText = Invariant($"{{ saddr_fam={name} laddr={address} lport={port} }}"),
        };
    }

    private static SocketAddress Netlink(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < NetlinkLength)
        {
            return TooShort(SocketFamilies.Netlink, name, "len too short");
        }

        var pid = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        return new SocketAddress
        {
            Family = SocketFamilies.Netlink,
            NetlinkFamily = SocketFamilies.Netlink,
            NetlinkPid = pid,
            NetlinkGroups = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]),
            AuparseText = Invariant($"{{ saddr_fam={name} nlnk-fam={SocketFamilies.Netlink} nlnk-pid={pid} }}"),
        };
    }

    // auparse prints the 7 bytes of the callsign with %c each, NULs included; only whole structures are decoded.
    private static SocketAddress Ax25(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 9)
        {
            return TooShort(SocketFamilies.Ax25, name, "(unsupported)");
        }

        var call = Encoding.Latin1.GetString(bytes.Slice(2, 7));
        return new SocketAddress { Family = SocketFamilies.Ax25, Address = call, AuparseText = $"{{ saddr_fam={name} call={call} }}" };
    }

    private static SocketAddress AtmPvc(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 6)
        {
            return TooShort(SocketFamilies.AtmPvc, name, "(unsupported)");
        }

        var itf = BinaryPrimitives.ReadInt16LittleEndian(bytes[4..]);
        return new SocketAddress { Family = SocketFamilies.AtmPvc, AuparseText = Invariant($"{{ saddr_fam={name} int={itf} }}") };
    }

    private static SocketAddress X25(ReadOnlySpan<byte> bytes, string name)
    {
        var address = CString(bytes[2..], 15);
        return new SocketAddress { Family = SocketFamilies.X25, Address = address, AuparseText = $"{{ saddr_fam={name} laddr={address} }}" };
    }

    private static SocketAddress TooShort(int family, string name, string message) =>
        new() { Family = family, IsTruncated = true, AuparseText = $"{{ saddr_fam={name} {message} }}" };

    private static string CString(ReadOnlySpan<byte> bytes, int max)
    {
        bytes = bytes[..Math.Min(bytes.Length, max)];
        var nul = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? bytes : bytes[..nul]);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
