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
internal sealed class SocketColumns
{
    // sockaddr_storage is 128 bytes: 256 hex digits.
    private const int MaxCachedLength = 256;
    private const int SlotBits = 8;

    [ThreadStatic]
    private static SocketColumns? t_current;

    private readonly Entry[] _slots = new Entry[1 << SlotBits];

    private SocketColumns()
    {
    }

    /// <summary>Family name (or number), address (IP, or the unix socket path) and port; default when the value does not decode.</summary>
    internal static (string? Family, string? Address, int? Port) Of(in AuditField saddr)
    {
        var raw = saddr.RawValue;
        return saddr.Kind == FieldKind.Absent || raw.Length > MaxCachedLength ? Decode(saddr) : (t_current ??= new()).Cached(saddr, raw);
    }

    private static (string? Family, string? Address, int? Port) Decode(in AuditField saddr) =>
        SocketAddressDecoder.TryDecode(saddr, out var address)
            ? (address.FamilyName ?? address.Family.ToString(CultureInfo.InvariantCulture), address.Address ?? address.Path, address.Port)
            : default;

    private (string? Family, string? Address, int? Port) Cached(in AuditField saddr, ReadOnlySpan<byte> raw)
    {
        ref var slot = ref _slots[HashCodeOf(raw) & ((1 << SlotBits) - 1)];
        if (slot.Raw is not null && raw.SequenceEqual(slot.Raw))
        {
            return slot.Columns;
        }

        var columns = Decode(saddr);
        slot = new Entry(raw.ToArray(), columns);
        return columns;
    }

    private static int HashCodeOf(ReadOnlySpan<byte> raw)
    {
        var hash = new HashCode();
        hash.AddBytes(raw);
        return hash.ToHashCode();
    }

    private readonly record struct Entry(byte[]? Raw, (string? Family, string? Address, int? Port) Columns);
}
