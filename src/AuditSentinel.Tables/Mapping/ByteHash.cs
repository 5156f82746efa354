using System.Buffers.Binary;
using System.Numerics;
using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// A fast, unseeded hash of short byte strings and word lists for the mapper's per-thread caches, eight bytes at a time,
/// a multiply and a rotate each (a few instructions where <see cref="HashCode.AddBytes"/> takes a couple of hundred on
/// a short value). Callers compare the whole key on a hit, so a collision only costs a recomputation.
/// </summary>
internal static class ByteHash
{

    /// <summary>The hash of <paramref name="key"/>.</summary>
    internal static ulong Of(ReadOnlySpan<byte> key)
    {
        var hash = (ulong)key.Length;
        var at = 0;
        for (; at + sizeof(ulong) <= key.Length; at += sizeof(ulong))
        {
            hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(key[at..]));
        }

        // The last few bytes: the last 8 (overlapping the word before), or the whole of a shorter key.
        return at == key.Length ? hash
            : Mix(hash, key.Length >= sizeof(ulong) ? BinaryPrimitives.ReadUInt64LittleEndian(key[^sizeof(ulong)..]) : FieldToken.KeyOf(key));
    }

    /// <summary>The hash of <paramref name="words"/>.</summary>
    internal static ulong Of(ReadOnlySpan<ulong> words)
    {
        var hash = (ulong)words.Length;
        foreach (var word in words)
        {
            hash = Mix(hash, word);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, ulong word) => BitOperations.RotateLeft((hash ^ word) * FibonacciHash.Multiplier, 29);
}
