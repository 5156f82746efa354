using System.Runtime.CompilerServices;

namespace AuditSentinel.Parsing;

/// <summary>
/// Fibonacci hashing, which the parser's and the mapper's small tables share: a value multiplied by 2^64 divided by the
/// golden ratio carries its bits into the product's top bits, which pick a slot without a division.
/// </summary>
internal static class FibonacciHash
{
    /// <summary>2^64 divided by the golden ratio, odd: the multiplier.</summary>
    internal const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>The top <paramref name="bits"/> bits (1 to 63) of <paramref name="value"/> times <see cref="Multiplier"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int TopBits(ulong value, int bits) => (int)((value * Multiplier) >> ((sizeof(ulong) * 8) - bits));
}
