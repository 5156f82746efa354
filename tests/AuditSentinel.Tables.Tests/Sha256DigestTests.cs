using System.Security.Cryptography;
using System.Text;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// The managed SHA-256 that names events must give the platform's (OpenSSL's) digest for every message length around
/// the block and padding boundaries, for long messages, and for the key bytes of every event of the real fixture logs.
/// </summary>
public class Sha256DigestTests
{
    [Fact]
    public void Every_length_up_to_three_blocks_and_a_long_message_hash_as_the_platform_hashes_them()
    {
        var random = new Random(20261130);
        foreach (var length in Enumerable.Range(0, 200).Append(4096).Append(100_003))
        {
            var message = new byte[length];
            random.NextBytes(message);
            AssertSameDigest(message);
        }
    }

    [Fact]
    public void The_fips_180_examples_give_their_published_digests()
    {
        Span<byte> digest = stackalloc byte[Sha256Digest.Length];
        Sha256Digest.Hash("abc"u8, digest);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(digest));
        Sha256Digest.Hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8, digest);
        Assert.Equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", Convert.ToHexStringLower(digest));
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_event_key_of_the_fixtures_hashes_as_the_platform_hashes_it(string log)
    {
        foreach (var record in FixtureRecords.All(log))
        {
            // The layout EventIds documents, built here independently.
            var node = Encoding.UTF8.GetBytes(record.Node);
            var key = new byte[node.Length + 1 + 20];
            node.CopyTo(key, 0);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(node.Length + 1), record.Timestamp.Seconds);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(node.Length + 9), record.Timestamp.Milliseconds);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(node.Length + 13), record.Serial);
            AssertSameDigest(key);
        }
    }

    public static TheoryData<string> Logs() => new(RepoPaths.FixtureLogs());

    private static void AssertSameDigest(byte[] message)
    {
        var digest = new byte[Sha256Digest.Length];
        Sha256Digest.Hash(message, digest);
        Assert.Equal(SHA256.HashData(message), digest);
    }
}
