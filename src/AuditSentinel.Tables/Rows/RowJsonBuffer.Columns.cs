using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AuditSentinel.Tables.Rows;

/// <summary>
/// The scalar column writes. Each stores its name and value through a reference with no state of the buffer's and
/// returns the bytes it wrote, so a row written between <see cref="StartRow"/> and <see cref="EndRow"/> pays neither a
/// room check nor a comma decision per column: the row asks once for room for all its columns' short forms, every
/// column is written with its comma, and the comma of the first column is overwritten by the row's opening brace.
/// </summary>
internal sealed partial class RowJsonBuffer
{
    /// <summary>
    /// The most bytes a scalar column's short form stores from where it starts (the prefix's two vectors, or the
    /// prefix's part and the longest short value: 32 chars and a quote, a timestamp and its quote, 20 digits).
    /// </summary>
    private const int ShortColumnRoom = ColumnPrefix.Window + PlainJsonText.ShortChars + 1;

    private int _rowStart;
    private int _rowRoom;

    /// <summary>
    /// Starts a row of <paramref name="columns"/> columns, to be written from <see cref="RowEnd"/> (see
    /// <see cref="JsonColumns"/>) and ended with <see cref="EndRow"/>. The one bound the row's short column writes
    /// rely on is set here: room for every column's short form (<see cref="ShortColumnRoom"/> each) from where the row
    /// stands, asked for again after each write that may take more (see <see cref="KeepRowRoom"/>).
    /// </summary>
    internal void StartRow(int columns)
    {
        _rowStart = _length;
        _rowRoom = columns * ShortColumnRoom;
        // Every column is written after a comma: the first one's becomes the brace (EndRow).
        _needsComma = true;
        Room(_rowRoom);
    }

    /// <summary>Ends the row begun by <see cref="StartRow"/>: its opening brace over the first column's comma, and the closing one.</summary>
    internal void EndRow()
    {
        if (_length == _rowStart)
        {
            Reserve(1)[0] = (byte)'{';
            _length++;
        }
        else
        {
            Debug.Assert(_buffer[_rowStart] == (byte)',', "Every column of a row is written after a comma.");
            _buffer[_rowStart] = (byte)'{';
        }

        WriteClosing((byte)'}');
    }

    /// <summary>
    /// Asks again for the row's room after a write that went through the general, room-checking methods (a long or
    /// escaped string, an array, a map), which may have used what the row had asked for.
    /// </summary>
    internal void KeepRowRoom() => Room(_rowRoom);

    /// <summary>
    /// Where the row's next column goes: <see cref="StartRow"/> and <see cref="KeepRowRoom"/> keep room for every
    /// column's short form from here. Valid until a write through the buffer's own methods, which may grow it.
    /// </summary>
    internal ref byte RowEnd => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _length);

    /// <summary>Takes <paramref name="end"/>, a reference into the buffer at or past <see cref="RowEnd"/>, as the end of what is written.</summary>
    internal void SetRowEnd(ref byte end) =>
        _length = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(_buffer), ref end);

    /// <summary>
    /// Writes a string column, after its comma, of at most <see cref="PlainJsonText.ShortChars"/> chars that needs no escaping (nearly
    /// every one): its prefix, the value and its closing quote, at most <see cref="ShortColumnRoom"/> bytes from
    /// <paramref name="at"/>, which the caller has. A call of its own that calls nothing, so it saves and restores next to no registers.
    /// </summary>
    /// <returns>The bytes written; 0 when the value is longer or needs escaping, having written part of it.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int TryWriteShortString(ref byte at, ColumnPrefix encodedName, string value)
    {
        var length = value.Length;
        if (length > PlainJsonText.ShortChars)
        {
            return 0;
        }

        var prefix = encodedName.CopyTo(ref at, comma: true, quote: true);
        ref var text = ref Unsafe.Add(ref at, prefix);
        if (!PlainJsonText.TryNarrowShort(value, ref text))
        {
            return 0;
        }

        Unsafe.Add(ref text, length) = (byte)'"';
        return prefix + length + 1;
    }

    /// <summary>Writes a number column after its comma, at most <see cref="ShortColumnRoom"/> bytes from <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int WriteNumber(ref byte at, ColumnPrefix encodedName, long value)
    {
        var name = encodedName.CopyTo(ref at, comma: true, quote: false);
        return name + FormatNumber(value, ref Unsafe.Add(ref at, name));
    }

    /// <summary>Writes a boolean column after its comma, at most <see cref="ShortColumnRoom"/> bytes from <paramref name="at"/>.</summary>
    internal static int WriteBoolean(ref byte at, ColumnPrefix encodedName, bool value)
    {
        var name = encodedName.CopyTo(ref at, comma: true, quote: false);
        // "true" and "false" as one 8-byte store each; the bytes past the literal are room the next write goes over.
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, name), value ? TrueBytes : FalseBytes);
        return name + (value ? 4 : 5);
    }

    /// <summary>Writes a datetime column after its comma, at most <see cref="ShortColumnRoom"/> bytes from <paramref name="at"/>.</summary>
    internal int WriteDateTime(ref byte at, ColumnPrefix encodedName, DateTimeOffset value)
    {
        var prefix = encodedName.CopyTo(ref at, comma: true, quote: true);
        ref var text = ref Unsafe.Add(ref at, prefix);
        _timestamps.Write(MemoryMarshal.CreateSpan(ref text, UtcTimestampText.Length), value);
        Unsafe.Add(ref text, UtcTimestampText.Length) = (byte)'"';
        return prefix + UtcTimestampText.Length + 1;
    }
}
