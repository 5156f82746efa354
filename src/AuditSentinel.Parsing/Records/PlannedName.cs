namespace AuditSentinel.Parsing.Records;

/// <summary>One planned name: its bytes and, for a name under 8 bytes, the '=' after it, as one masked 8-byte compare.</summary>
/// <param name="Expected">The name's bytes (and '=') as a little-endian number.</param>
/// <param name="Mask">The bytes of an 8-byte load that <paramref name="Expected"/> covers.</param>
/// <param name="Key">The name's key (<see cref="FieldToken.KeyOf"/>).</param>
/// <param name="Length">The name's length, 1 to 8.</param>
/// <param name="MayBeHex">True when a bare value of this name, in this record type and part, may be the kernel's hex.</param>
internal readonly record struct PlannedName(ulong Expected, ulong Mask, ulong Key, int Length, bool MayBeHex)
{
    /// <summary>The plan of a name of <paramref name="length"/> (1 to 8) bytes whose key is <paramref name="key"/>.</summary>
    internal static PlannedName Of(ulong key, int length, bool mayBeHex)
    {
        if (length == sizeof(ulong))
        {
            // No room for the '=' in the load: the reader checks it on its own.
            return new PlannedName(key, ulong.MaxValue, key, length, mayBeHex);
        }

        var withEquals = key | ((ulong)'=' << (length * 8));
        return new PlannedName(withEquals, ulong.MaxValue >> ((sizeof(ulong) - length - 1) * 8), key, length, mayBeHex);
    }
}
