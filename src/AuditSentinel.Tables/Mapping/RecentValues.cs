namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// A direct-mapped table of values computed from short byte strings (field values): a slot holds the last key that
/// hashed to it and its value, so a repeated key costs a hash and a compare instead of the computation. Not
/// thread-safe: each user keeps one per thread.
/// </summary>
/// <typeparam name="TValue">The computed value.</typeparam>
internal sealed class RecentValues<TValue>(int slotBits)
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private readonly Entry[] _slots = new Entry[1 << slotBits];
    private readonly int _shift = (sizeof(ulong) * 8) - slotBits;

    /// <summary>The value of <paramref name="key"/> (with <paramref name="variant"/> telling apart keys whose bytes alike mean different things), computing it on a miss.</summary>
    internal TValue GetOrAdd<TState>(ReadOnlySpan<byte> key, bool variant, in TState state, Func<TState, TValue> compute)
    {
        ref var slot = ref _slots[(int)((ByteHash.Of(key) ^ (variant ? 1UL : 0UL)) * Golden >> _shift)];
        if (slot.Key is not null && slot.Variant == variant && key.SequenceEqual(slot.Key))
        {
            return slot.Value;
        }

        var value = compute(state);
        slot = new Entry(key.ToArray(), variant, value);
        return value;
    }

    private readonly record struct Entry(byte[]? Key, bool Variant, TValue Value);
}
