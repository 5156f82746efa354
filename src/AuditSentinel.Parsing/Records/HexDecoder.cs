using System.Runtime.Intrinsics;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// Decodes hex digits of either case, 32 digits at a time with 128-bit vector operations. The runtime's decoder
/// (<c>Convert.FromHexString</c>) does the same but, in the NativeAOT build (x86-64-v2), calls a software
/// <c>Vector128.Shuffle</c> for every 16 digits, which cost more than all of its own work.
/// </summary>
internal static class HexDecoder
{
    private const int DigitsPerBlock = 32;

    /// <summary>Decodes <paramref name="hex"/>, of even length, into <paramref name="destination"/>, which holds at least half as many bytes.</summary>
    /// <returns>False when a byte is not a hex digit; <paramref name="destination"/> then holds part of the value.</returns>
    internal static bool TryDecode(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; hex.Length - i >= DigitsPerBlock; i += DigitsPerBlock)
            {
                if (!TryDecodeBlock(hex.Slice(i, DigitsPerBlock), destination.Slice(i / 2, Vector128<byte>.Count)))
                {
                    return false;
                }
            }
        }

        for (; i < hex.Length; i += 2)
        {
            var high = Nibble(hex[i]);
            var low = Nibble(hex[i + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i / 2] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static bool TryDecodeBlock(ReadOnlySpan<byte> digits, Span<byte> destination)
    {
        var (first, firstValid) = Nibbles(Vector128.Create(digits));
        var (second, secondValid) = Nibbles(Vector128.Create(digits[Vector128<byte>.Count..]));
        if ((firstValid & secondValid) != Vector128<byte>.AllBitsSet)
        {
            return false;
        }

        // Read as 16-bit lanes, each holds a digit pair: the high nibble in its low byte, the low nibble in its high byte.
        Vector128.Narrow(Pair(first.AsUInt16()), Pair(second.AsUInt16())).CopyTo(destination);
        return true;
    }

    private static Vector128<ushort> Pair(Vector128<ushort> nibbles) => ((nibbles << 4) | (nibbles >> 8)) & Vector128.Create((ushort)0xFF);

    private static (Vector128<byte> Values, Vector128<byte> Valid) Nibbles(Vector128<byte> digits)
    {
        var digit = digits - Vector128.Create((byte)'0');
        var letter = (digits | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a');
        var isDigit = Vector128.LessThan(digit, Vector128.Create((byte)10));
        var isLetter = Vector128.LessThan(letter, Vector128.Create((byte)6));
        var values = Vector128.ConditionalSelect(isDigit, digit, letter + Vector128.Create((byte)10));
        return (values, isDigit | isLetter);
    }

    private static int Nibble(byte digit)
    {
        var value = (uint)(digit - '0');
        if (value <= 9)
        {
            return (int)value;
        }

        var letter = (uint)((digit | 0x20) - 'a');
        return letter <= 5 ? (int)letter + 10 : -1;
    }
}
