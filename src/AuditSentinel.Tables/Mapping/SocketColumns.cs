using System.Globalization;
using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The SocketFamily, RemoteAddress and RemotePort columns of a <c>saddr=</c> value, reusing the ones of the same raw
/// value seen before: a host connects to few addresses (its resolver, its peers), so a hit costs a hash and a compare
/// instead of a hex decode, a <see cref="SocketAddress"/> and its strings. Direct-mapped, one per thread, like
/// <see cref="ColumnTexts"/>; a value longer than any sockaddr is decoded every time.
/// </summary>
internal static class SocketColumns
{
    // sockaddr_storage is 128 bytes: 256 hex digits.
    private const int MaxCachedLength = 256;

    [ThreadStatic]
    private static RecentValues<(string? Family, string? Address, int? Port)>? t_recent;

    /// <summary>Family name (or number), address (IP, or the unix socket path) and port; default when the value does not decode.</summary>
    internal static (string? Family, string? Address, int? Port) Of(in AuditField saddr)
    {
        var raw = saddr.RawValue;
        return saddr.Kind == FieldKind.Absent || raw.Length > MaxCachedLength
            ? Decode(saddr)
            : (t_recent ??= new(slotBits: 8)).GetOrAdd(raw, variant: false, saddr, static s => Decode(s));
    }

    private static (string? Family, string? Address, int? Port) Decode(in AuditField saddr) =>
        SocketAddressDecoder.TryDecode(saddr, out var address)
            ? (address.FamilyName ?? address.Family.ToString(CultureInfo.InvariantCulture), address.Address ?? address.Path, address.Port)
            : default;
}
