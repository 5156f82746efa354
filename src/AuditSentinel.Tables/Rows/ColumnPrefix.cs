using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// A column's name in its JSON form, the prefix <c>,"Name":"</c>, encoded once so a column is started with one copy:
/// each write takes the part it needs (without the comma for the first property, without the quote for a value that
/// is not a string). Each start (with and without the comma) is held as two vectors, the bytes followed by zeros, so
/// any part of a usual name is copied with two vector stores and no branch on its length; the bytes copied past the
/// part lie past what the write counts, and the value or the next write goes over them.
/// </summary>
internal sealed class ColumnPrefix
{
    /// <summary>The bytes a write of a prefix may touch: callers reserve this much more than the prefix's part.</summary>
    internal const int Window = 2 * 16;

    // Fields rather than an array: a store reads them from the object, with no array or range to check.
    private readonly Vector128<byte> _withComma;
    private readonly Vector128<byte> _withCommaRest;
    private readonly Vector128<byte> _withoutComma;
    private readonly Vector128<byte> _withoutCommaRest;
    private readonly int _length;

    /// <param name="prefix">The whole prefix <c>,"Name":"</c>.</param>
    /// <exception cref="ArgumentException">The prefix is longer than <see cref="Window"/> (a name of over 27 bytes).</exception>
    internal ColumnPrefix(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length > Window)
        {
            throw new ArgumentException($"A column prefix is at most {Window} bytes (a name of {Window - 5}); this one is {prefix.Length}.", nameof(prefix));
        }

        _length = prefix.Length;
        Span<byte> padded = stackalloc byte[Window + 1];
        padded.Clear();
        prefix.CopyTo(padded);
        _withComma = Vector128.Create(padded[..Vector128<byte>.Count]);
        _withCommaRest = Vector128.Create(padded[Vector128<byte>.Count..]);
        _withoutComma = Vector128.Create(padded[1..]);
        _withoutCommaRest = Vector128.Create(padded[(1 + Vector128<byte>.Count)..]);
    }

    /// <summary>Copies the part of the prefix a write needs to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the part goes: the caller makes sure <see cref="Window"/> bytes from here lie in its buffer (the two stores write them all).</param>
    /// <param name="comma">With the leading comma (not the first property of an object).</param>
    /// <param name="quote">With the trailing quote (a string value follows).</param>
    /// <returns>The length of the part.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int CopyTo(ref byte destination, bool comma, bool quote)
    {
        if (comma)
        {
            _withComma.StoreUnsafe(ref destination);
            _withCommaRest.StoreUnsafe(ref destination, (nuint)Vector128<byte>.Count);
            return _length - (quote ? 0 : 1);
        }

        _withoutComma.StoreUnsafe(ref destination);
        _withoutCommaRest.StoreUnsafe(ref destination, (nuint)Vector128<byte>.Count);
        return _length - 1 - (quote ? 0 : 1);
    }
}
