using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// The last kernel stamp a parser read (<c>SECONDS.MMM:SERIAL)</c>, the closing parenthesis included) and what it
/// reads. The records of one event follow each other and share their stamp (three lines in four of the generated
/// corpus and of the fixture logs), so a line whose stamp is byte for byte the last one is answered by one compare of
/// two 16-byte blocks instead of reading some 17 digits. Not thread-safe: one per parser.
/// </summary>
internal sealed class RecentStamp
{
    /// <summary>The longest stamp remembered, in bytes with its parenthesis; the kernel's are about 20.</summary>
    internal const int Longest = 2 * BlockBytes;

    private const int BlockBytes = 16;
    private static readonly Vector128<byte> LaneIndexes = Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    private Vector128<byte> _low;
    private Vector128<byte> _high;
    private Vector128<byte> _lowMask;
    private Vector128<byte> _highMask;
    private int _length;
    private AuditTimestamp _timestamp;
    private ulong _serial;

    /// <summary>
    /// <see cref="AuditStamp.TryReadKernelStamp"/>, answered from the last stamp read when the line holds the same bytes
    /// at <paramref name="start"/>: the reading is a function of those bytes alone (digits up to the ')' that ends them).
    /// </summary>
    /// <remarks>Inlined into the header reader, the compare without a call; a stamp read anew is a call.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryRead(ReadOnlySpan<byte> line, int start, out AuditTimestamp timestamp, out ulong serial, out int close)
    {
        // Both blocks are read only when the line has them; a stamp nearer its end is read the usual way.
        if (line.Length - start >= Longest && _length > 0)
        {
            var low = Vector128.Create(line.Slice(start, BlockBytes));
            var high = Vector128.Create(line.Slice(start + BlockBytes, BlockBytes));
            if ((((low ^ _low) & _lowMask) | ((high ^ _high) & _highMask)) == Vector128<byte>.Zero)
            {
                timestamp = _timestamp;
                serial = _serial;
                close = start + _length - 1;
                return true;
            }
        }

        return TryReadAnew(line, start, out timestamp, out serial, out close);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryReadAnew(ReadOnlySpan<byte> line, int start, out AuditTimestamp timestamp, out ulong serial, out int close)
    {
        if (!AuditStamp.TryReadKernelStamp(line, start, out timestamp, out serial, out close))
        {
            return false;
        }

        var length = close + 1 - start;
        if (line.Length - start >= Longest && length <= Longest)
        {
            _low = Vector128.Create(line.Slice(start, BlockBytes));
            _high = Vector128.Create(line.Slice(start + BlockBytes, BlockBytes));
            var lengthLanes = Vector128.Create((byte)length);
            _lowMask = Vector128.LessThan(LaneIndexes, lengthLanes);
            _highMask = Vector128.LessThan(LaneIndexes + Vector128.Create((byte)BlockBytes), lengthLanes);
            _length = length;
            _timestamp = timestamp;
            _serial = serial;
        }

        return true;
    }
}
