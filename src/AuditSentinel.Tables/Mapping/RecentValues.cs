using System.Numerics;
using System.Runtime.CompilerServices;
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
    internal TValue GetOrAdd<TState>(ReadOnlySpan<byte> key, bool variant, in TState state, Func<TState, TValue> compute) =>
        TryGet(key, variant, out var value) ? value : Add(key, variant, compute(state));

    /// <summary>
    /// The value held for <paramref name="key"/> and <paramref name="variant"/>, if its slot holds that key. Inlined:
    /// a caller that reads many values (a column per field) pays a hash and a compare, not a call and a delegate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGet(ReadOnlySpan<byte> key, bool variant, out TValue value)
    {
        var shape = ShapeOf(key, variant);
        if (key.Length <= WordsKey)
        {
            var (first, second) = WordsOf(key);
            ref readonly var slot = ref _slots[ShortSlot(first, second, shape)];
            if (slot.First == first && slot.Second == second && slot.Shape == shape)
            {
                value = slot.Value;
                return true;
            }
        }
        else
        {
            ref readonly var slot = ref _slots[LongSlot(key, shape)];
            if (slot.Shape == shape && key.SequenceEqual(slot.Bytes))
            {
                value = slot.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Holds <paramref name="value"/> as the value of <paramref name="key"/> and <paramref name="variant"/> (in place of what its slot held), and returns it.</summary>
    internal TValue Add(ReadOnlySpan<byte> key, bool variant, TValue value)
    {
        var shape = ShapeOf(key, variant);
        if (key.Length <= WordsKey)
        {
            var (first, second) = WordsOf(key);
            _slots[ShortSlot(first, second, shape)] = new Entry(first, second, shape, null, value);
        }
        else
        {
            _slots[LongSlot(key, shape)] = new Entry(0, 0, shape, key.ToArray(), value);
        }

        return value;
    }

    // The length and the variant, never 0, so an empty slot matches no key.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShapeOf(ReadOnlySpan<byte> key, bool variant) => ((key.Length << 1) | (variant ? 1 : 0)) + 1;

    // Zero-padded words: with the length, equal words are equal keys.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong First, ulong Second) WordsOf(ReadOnlySpan<byte> key) =>
        (FieldToken.KeyOf(key), key.Length > Word ? FieldToken.KeyOf(key[Word..]) : 0UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ShortSlot(ulong first, ulong second, int shape) =>
        SlotOf(BitOperations.RotateLeft((first ^ (ulong)shape) * FibonacciHash.Multiplier, 29) ^ second);

    private int LongSlot(ReadOnlySpan<byte> key, int shape) => SlotOf(ByteHash.Of(key) ^ (ulong)shape);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong hash) => (int)((hash * FibonacciHash.Multiplier) >> _shift);

    // A key's words (up to 16 bytes) or its bytes (longer), and its shape: length and variant.
    private readonly record struct Entry(ulong First, ulong Second, int Shape, byte[]? Bytes, TValue Value);
}
