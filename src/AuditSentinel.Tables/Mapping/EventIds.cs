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

    // The node this thread hashed last, with its UTF-8 bytes: events come in runs of one host, whose name the parser
    // hands out as one string per run, so a reference compare replaces encoding the name again for every event.
    [ThreadStatic]
    private static LastNode? t_lastNode;

    private static readonly uint[] HexPairs = BuildHexPairs();

    /// <summary>The id of the event with this key.</summary>
    public static string Of(EventKey key)
    {
        var lastNode = t_lastNode ??= new LastNode();
        var room = (lastNode.Holds(key.Node) ? lastNode.Length : Encoding.UTF8.GetMaxByteCount(key.Node.Length)) + 1 + NumberBytes;
        // On the stack for any host name DNS allows (253 chars).
        Span<byte> input = room <= MaxStackInput ? stackalloc byte[room] : new byte[room];
        var nodeLength = lastNode.Encode(key.Node, input);
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

    // One per thread, its buffer reused: hosts that alternate event by event (a collector's interleaved log) cost an
    // encoding each, as without the cache, and no allocation.
    private sealed class LastNode
    {
        // Any host name DNS allows, in UTF-8; a longer node is encoded every time.
        private const int Capacity = 256;

        private readonly byte[] _utf8 = new byte[Capacity];
        private string? _text;

        internal int Length { get; private set; }

        internal bool Holds(string node) => ReferenceEquals(node, _text);

        // Writes node's UTF-8 bytes to destination (room for its longest encoding unless held) and returns their length.
        internal int Encode(string node, Span<byte> destination)
        {
            if (Holds(node))
            {
                _utf8.AsSpan(0, Length).CopyTo(destination);
                return Length;
            }

            var length = Encoding.UTF8.GetBytes(node, destination);
            if (length <= Capacity)
            {
                destination[..length].CopyTo(_utf8);
                (_text, Length) = (node, length);
            }

            return length;
        }
    }

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
