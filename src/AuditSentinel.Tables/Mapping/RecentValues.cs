using System.Numerics;
using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// A direct-mapped table of values computed from short byte strings (field values): a slot holds the last key that
/// hashed to it and its value, so a repeated key costs a hash and a compare instead of the computation. A key of up to
/// 16 bytes (nearly every one: ids, names, syscall numbers) is held as two zero-padded words and its length, so its
/// hash and compare are a few word operations; a longer one is held as bytes. Not thread-safe: each user keeps one per
/// thread.
/// </summary>
/// <typeparam name="TValue">The computed value.</typeparam>
internal sealed class RecentValues<TValue>(int slotBits)
{
    private const int Word = sizeof(ulong);
    private const int WordsKey = 2 * Word;

    private readonly Entry[] _slots = new Entry[1 << slotBits];
    private readonly int _shift = (sizeof(ulong) * 8) - slotBits;

    /// <summary>The value of <paramref name="key"/> (with <paramref name="variant"/> telling apart keys whose bytes alike mean different things), computing it on a miss.</summary>
    internal TValue GetOrAdd<TState>(ReadOnlySpan<byte> key, bool variant, in TState state, Func<TState, TValue> compute)
    {
        // The length and the variant, never 0, so an empty slot matches no key.
        var shape = ((key.Length << 1) | (variant ? 1 : 0)) + 1;
        if (key.Length <= WordsKey)
        {
            // Zero-padded words: with the length, equal words are equal keys.
            var first = FieldToken.KeyOf(key);
            var second = key.Length > Word ? FieldToken.KeyOf(key[Word..]) : 0UL;
            ref var slot = ref _slots[SlotOf(BitOperations.RotateLeft((first ^ (ulong)shape) * FibonacciHash.Multiplier, 29) ^ second)];
            if (slot.First == first && slot.Second == second && slot.Shape == shape)
            {
                return slot.Value;
            }

            var value = compute(state);
            slot = new Entry(first, second, shape, null, value);
            return value;
        }

        ref var longSlot = ref _slots[SlotOf(ByteHash.Of(key) ^ (ulong)shape)];
        if (longSlot.Shape == shape && key.SequenceEqual(longSlot.Bytes))
        {
            return longSlot.Value;
        }

        var computed = compute(state);
        longSlot = new Entry(0, 0, shape, key.ToArray(), computed);
        return computed;
    }

    private int SlotOf(ulong hash) => (int)((hash * FibonacciHash.Multiplier) >> _shift);

    // A key's words (up to 16 bytes) or its bytes (longer), and its shape: length and variant.
    private readonly record struct Entry(ulong First, ulong Second, int Shape, byte[]? Bytes, TValue Value);
}
