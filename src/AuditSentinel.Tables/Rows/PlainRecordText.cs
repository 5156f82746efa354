using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// Tells, with one vectorized pass over a record's line, that every field name in the line and every value taken from
/// the line as written (all kinds but hex) is plain JSON text (<see cref="PlainJsonText"/>), so a map can copy them
/// without checking each one. Nearly every record of a real log is such a line: its only bytes JSON escapes are the
/// quotes around quoted values and the ENRICHED separator, and neither is part of a name or a value.
/// </summary>
internal static class PlainRecordText
{
    private const byte Quote = (byte)'"';

    /// <summary>
    /// True when no name in the line and no value as written needs escaping; false when one may (the caller then checks
    /// each). A hex value's decoded bytes and a synthetic name (not in the line) are not covered.
    /// </summary>
    internal static bool FieldsArePlain(AuditRecord record)
    {
        var line = record.Bytes;
        if (!Scan(line, out var quotes, out var separators))
        {
            return false;
        }

        // The line's one 0x1D is the ENRICHED separator (the first one after the header) or lies in the header: in no
        // name or value. A second one could be in a value.
        return separators <= 1 && quotes == QuotesAroundValues(record, line);
    }

    // Every quote the tokenizer took as a quoted value's opening or closing quote: distinct bytes of the line. When
    // the line holds no more quotes than these, no name or value holds one.
    private static int QuotesAroundValues(AuditRecord record, ReadOnlySpan<byte> line)
    {
        var quotes = 0;
        foreach (ref readonly var token in record.Tokens)
        {
            if (token.Kind == FieldKind.Quoted)
            {
                // The opening quote is always there; a value cut by the end of its part of the line has no closing one.
                var close = token.ValueStart + token.ValueLength;
                quotes += close < line.Length && line[close] == Quote ? 2 : 1;
            }
        }

        return quotes;
    }

    // False when a byte other than a quote or 0x1D needs escaping; else counts the quotes and the 0x1D bytes.
    private static bool Scan(ReadOnlySpan<byte> line, out int quotes, out int separators)
    {
        var length = line.Length;
        if (length < Vector128<byte>.Count)
        {
            return ScanShort(line, out quotes, out separators);
        }

        // Counted per byte lane (a lane holds up to 255), and the lanes added up after at most 255 vectors.
        const int VectorsPerCount = byte.MaxValue;
        var others = Vector128<byte>.Zero;
        var quoteLanes = Vector128<byte>.Zero;
        var separatorLanes = Vector128<byte>.Zero;
        quotes = 0;
        separators = 0;
        var at = 0;
        var last = length - Vector128<byte>.Count;
        while (at <= last)
        {
            var stop = Math.Min(last, at + ((VectorsPerCount - 1) * Vector128<byte>.Count));
            for (; at <= stop; at += Vector128<byte>.Count)
            {
                var bytes = Vector128.Create(line.Slice(at, Vector128<byte>.Count));
                var separator = Vector128.Equals(bytes, Vector128.Create(FieldTokenizer.GroupSeparator));
                quoteLanes -= Vector128.Equals(bytes, Vector128.Create(Quote));
                separatorLanes -= separator;
                others |= Vector128.AndNot(PlainJsonText.EscapedBesidesQuotes(bytes), separator);
            }

            quotes += Sum(quoteLanes);
            separators += Sum(separatorLanes);
            quoteLanes = Vector128<byte>.Zero;
            separatorLanes = Vector128<byte>.Zero;
        }

        if (at < length)
        {
            // The last 16 bytes, counting only the lanes the loop did not reach (checking a byte twice changes nothing).
            var bytes = Vector128.Create(line[last..]);
            var unseen = Vector128.GreaterThanOrEqual(LaneNumbers, Vector128.Create((byte)(at - last)));
            var separator = Vector128.Equals(bytes, Vector128.Create(FieldTokenizer.GroupSeparator));
            quotes += Sum(Vector128.Equals(bytes, Vector128.Create(Quote)) & unseen & Vector128<byte>.One);
            separators += Sum(separator & unseen & Vector128<byte>.One);
            others |= Vector128.AndNot(PlainJsonText.EscapedBesidesQuotes(bytes), separator);
        }

        return others == Vector128<byte>.Zero;
    }

    private static Vector128<byte> LaneNumbers => Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    private static bool ScanShort(ReadOnlySpan<byte> line, out int quotes, out int separators)
    {
        quotes = 0;
        separators = 0;
        foreach (var b in line)
        {
            quotes += b == Quote ? 1 : 0;
            separators += b == FieldTokenizer.GroupSeparator ? 1 : 0;
            if (b is < (byte)' ' and not FieldTokenizer.GroupSeparator or >= 0x7F or (byte)'\\')
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Sum(Vector128<byte> lanes) => Vector128.Sum(Vector128.WidenLower(lanes) + Vector128.WidenUpper(lanes));
}
