using System.Buffers.Binary;
using System.Numerics;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the short keys of <see cref="EventIds"/>: the platform's SHA-256 goes
/// through OpenSSL, where every event paid for three interop calls, two OpenSSL error-queue clears and a context reset
/// around a one-block hash, about twice the instructions of the hash itself (and 10 million more to load OpenSSL's
/// provider on first use). It names events; nothing secret goes through it.
/// </summary>
internal static class Sha256Digest
{
    /// <summary>The digest length in bytes.</summary>
    internal const int Length = 32;

    private const int BlockBytes = 64;

    // The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).
    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428A2F98, 0x71374491, 0xB5C0FBCF, 0xE9B5DBA5, 0x3956C25B, 0x59F111F1, 0x923F82A4, 0xAB1C5ED5,
        0xD807AA98, 0x12835B01, 0x243185BE, 0x550C7DC3, 0x72BE5D74, 0x80DEB1FE, 0x9BDC06A7, 0xC19BF174,
        0xE49B69C1, 0xEFBE4786, 0x0FC19DC6, 0x240CA1CC, 0x2DE92C6F, 0x4A7484AA, 0x5CB0A9DC, 0x76F988DA,
        0x983E5152, 0xA831C66D, 0xB00327C8, 0xBF597FC7, 0xC6E00BF3, 0xD5A79147, 0x06CA6351, 0x14292967,
        0x27B70A85, 0x2E1B2138, 0x4D2C6DFC, 0x53380D13, 0x650A7354, 0x766A0ABB, 0x81C2C92E, 0x92722C85,
        0xA2BFE8A1, 0xA81A664B, 0xC24B8B70, 0xC76C51A3, 0xD192E819, 0xD6990624, 0xF40E3585, 0x106AA070,
        0x19A4C116, 0x1E376C08, 0x2748774C, 0x34B0BCB5, 0x391C0CB3, 0x4ED8AA4A, 0x5B9CCA4F, 0x682E6FF3,
        0x748F82EE, 0x78A5636F, 0x84C87814, 0x8CC70208, 0x90BEFFFA, 0xA4506CEB, 0xBEF9A3F7, 0xC67178F2,
    ];

    /// <summary>Writes the SHA-256 digest of <paramref name="message"/> to <paramref name="digest"/> (at least <see cref="Length"/> bytes).</summary>
    internal static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        // The initial hash value: the first 32 bits of the fractional parts of the square roots of the first 8 primes.
        Span<uint> state = [0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19];
        Span<uint> schedule = stackalloc uint[BlockBytes];
        var whole = message.Length - (message.Length % BlockBytes);
        for (var at = 0; at < whole; at += BlockBytes)
        {
            Compress(state, message.Slice(at, BlockBytes), schedule);
        }

        // Padding: the last bytes, 0x80, zeros, and the message length in bits (64-bit big-endian) ending the block,
        // or a second block when they do not fit in one.
        Span<byte> last = stackalloc byte[2 * BlockBytes];
        last.Clear();
        var rest = message[whole..];
        rest.CopyTo(last);
        last[rest.Length] = 0x80;
        var lastLength = rest.Length + 1 + sizeof(ulong) <= BlockBytes ? BlockBytes : 2 * BlockBytes;
        BinaryPrimitives.WriteUInt64BigEndian(last[(lastLength - sizeof(ulong))..], (ulong)message.Length * 8);
        for (var at = 0; at < lastLength; at += BlockBytes)
        {
            Compress(state, last.Slice(at, BlockBytes), schedule);
        }

        for (var i = 0; i < state.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * sizeof(uint))..], state[i]);
        }
    }

    // FIPS 180-4, 6.2.2: the message schedule, 64 rounds, and the new intermediate hash value.
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> schedule)
    {
        var w = schedule[..BlockBytes];
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * sizeof(uint))..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        var k = RoundConstants;
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (var t = 0; t < 64; t++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choice = (e & f) ^ (~e & g);
            var temp1 = h + sum1 + choice + k[t] + w[t];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            h = g;
            g = f;
            f = e;
            e = d + temp1;
            d = c;
            c = b;
            b = a;
            a = temp1 + sum0 + majority;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
