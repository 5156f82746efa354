using System.Numerics;
using System.Runtime.CompilerServices;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Writes a 32-bit number's decimal digits, two at a time from a table: a row's ids and counts (pids, uids, serials,
/// sessions) are written with the digit count found from the number's highest bit and one store per two digits,
/// where the general formatter spends more on its set-up than on the digits.
/// </summary>
internal static class DecimalDigits
{
    /// <summary>The most digits a value can have (4294967295).</summary>
    internal const int MaxLength = 10;

    // "00" to "99", each pair as it lies in memory.
    private static readonly ushort[] Pairs = [.. Enumerable.Range(0, 100).Select(i => (ushort)(('0' + (i / 10)) | (('0' + (i % 10)) << 8)))];

    // For each highest bit: added to a number with that bit, the upper half is its digit count (see DigitCountTable).
    private static readonly ulong[] DigitCounts = DigitCountTable();

    /// <summary>The number of decimal digits of <paramref name="value"/> (1 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Count(uint value) => (int)((value + DigitCounts[BitOperations.Log2(value)]) >> 32);

    /// <summary>
    /// Writes the digits of <paramref name="value"/> from <paramref name="destination"/>, which must have room for
    /// <see cref="MaxLength"/> bytes (the caller's bound: every store lies within the digit count).
    /// </summary>
    /// <returns>The number of digits written.</returns>
    internal static int Write(uint value, ref byte destination)
    {
        var count = Count(value);
        ref var end = ref Unsafe.Add(ref destination, count);
        while (value >= 100)
        {
            (value, var pair) = Math.DivRem(value, 100u);
            end = ref Unsafe.Subtract(ref end, 2);
            Unsafe.WriteUnaligned(ref end, Pairs[pair]);
        }

        if (value >= 10)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Subtract(ref end, 2), Pairs[value]);
        }
        else
        {
            Unsafe.Subtract(ref end, 1) = (byte)('0' + value);
        }

        return count;
    }

    // The numbers whose highest bit is b lie in [2^b, 2^(b+1)); they have d digits, or d + 1 from 10^d on when that
    // power lies in the range. Adding (d + 1) * 2^32 - 10^d in that case, d * 2^32 otherwise, leaves the count in the
    // upper half: a number is under 2^32, so the lower half never carries more than the step at 10^d.
    private static ulong[] DigitCountTable()
    {
        var table = new ulong[32];
        for (var bit = 0; bit < table.Length; bit++)
        {
            var lowest = 1UL << bit;
            var digits = (ulong)lowest.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            var nextPower = (ulong)Math.Pow(10, digits);
            table[bit] = nextPower < lowest << 1 ? ((digits + 1) << 32) - nextPower : digits << 32;
        }

        return table;
    }
}
