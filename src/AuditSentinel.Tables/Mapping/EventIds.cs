using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using AuditSentinel.Parsing.Events;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// The stable id of an audit event: the first 16 bytes of SHA-256 over
/// <c>UTF-8(node) 0x00 seconds(int64 big-endian) milliseconds(int32 big-endian) serial(uint64 big-endian)</c>,
/// as 32 lower-case hex digits. The same event gets the same id on every run and machine, and every partial row of
/// it shares that id, so KQL can de-duplicate at-least-once deliveries and merge partial rows.
/// </summary>
public static class EventIds
{
    private const int IdBytes = 16;
    private const int NumberBytes = 8 + 4 + 8;
    private const int MaxStackInput = 1024;

    // The platform's SHA-256 where libcrypto cannot be called directly (LibcryptoSha256): one reused hash per thread,
    // since SHA256.HashData fetches the algorithm and builds an OpenSSL context on every call.
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    private static readonly uint[] HexPairs = BuildHexPairs();

    /// <summary>The id of the event with this key.</summary>
    public static string Of(EventKey key)
    {
        // Room for the node's longest UTF-8 form, so it is encoded in one pass without counting its bytes first; on the
        // stack for any host name DNS allows (253 chars).
        var room = Encoding.UTF8.GetMaxByteCount(key.Node.Length) + 1 + NumberBytes;
        Span<byte> input = room <= MaxStackInput ? stackalloc byte[room] : new byte[room];
        var nodeLength = Encoding.UTF8.GetBytes(key.Node, input);
        input = input[..(nodeLength + 1 + NumberBytes)];
        input[nodeLength] = 0;
        var numbers = input[(nodeLength + 1)..];
        BinaryPrimitives.WriteInt64BigEndian(numbers, key.Timestamp.Seconds);
        BinaryPrimitives.WriteInt32BigEndian(numbers[8..], key.Timestamp.Milliseconds);
        BinaryPrimitives.WriteUInt64BigEndian(numbers[12..], key.Serial);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (!LibcryptoSha256.TryHash(input, hash))
        {
            PlatformHash(input, hash);
        }

        return LowerHex(hash[..IdBytes]);
    }

    /// <summary>SHA-256 through the platform's API, for where <see cref="LibcryptoSha256"/> cannot hash.</summary>
    internal static void PlatformHash(ReadOnlySpan<byte> input, Span<byte> hash)
    {
        var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(input);
        sha256.GetHashAndReset(hash);
    }

    // Convert.ToHexStringLower's vectorized encoder calls a shuffle that a NativeAOT build does not inline: for the 16
    // bytes of an id, one table read and one store of both digits per byte, straight into the new string, cost a
    // fraction of its instructions.
    private static string LowerHex(ReadOnlySpan<byte> bytes) =>
        string.Create(IdBytes * 2, bytes, static (text, bytes) =>
        {
            var pairs = MemoryMarshal.Cast<char, uint>(text);
            var table = HexPairs;
            for (var i = 0; i < IdBytes; i++)
            {
                pairs[i] = table[bytes[i]];
            }
        });

    // The two lower-case hex digits of each byte value as the two chars lie in memory.
    private static uint[] BuildHexPairs()
    {
        var digits = "0123456789abcdef";
        var pairs = new uint[256];
        Span<char> pair = stackalloc char[2];
        for (var value = 0; value < pairs.Length; value++)
        {
            pair[0] = digits[value >> 4];
            pair[1] = digits[value & 0xF];
            pairs[value] = MemoryMarshal.Read<uint>(MemoryMarshal.AsBytes(pair));
        }

        return pairs;
    }
}
