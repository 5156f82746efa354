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
        var node = t_lastNode is { } last && ReferenceEquals(last.Text, key.Node) ? last : t_lastNode = new LastNode(key.Node);
        var nodeLength = node.Utf8.Length;
        var length = nodeLength + 1 + NumberBytes;
        // On the stack for any host name DNS allows (253 chars).
        Span<byte> input = length <= MaxStackInput ? stackalloc byte[length] : new byte[length];
        node.Utf8.CopyTo(input);
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

    private sealed class LastNode(string text)
    {
        internal string Text { get; } = text;

        internal byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(text);
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
