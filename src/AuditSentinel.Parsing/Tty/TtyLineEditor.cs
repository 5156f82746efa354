using System.Buffers;
using System.Text;

namespace AuditSentinel.Parsing.Tty;

/// <summary>
/// The line being typed: bytes with an insertion point, edited a UTF-8 character at a time as readline's emacs mode
/// edits it. Every key costs the same wherever the cursor stands: with one contiguous buffer, typing or deleting at the
/// start of a long line shifted the rest of it, and a crafted 512 KiB record alternating a key and the left arrow took
/// most of a second. The bytes are nodes numbered in the order they were typed; a position is held as the node before
/// it (node 0, the head, stands before the first byte). While the line is typed straight through (text added and
/// erased at its end only, the cursor anywhere) the nodes are the line in order and need no links; the first edit
/// elsewhere links them, once per line, into a doubly linked list.
/// </summary>
internal sealed class TtyLineEditor : IDisposable
{
    private const int Head = 0;

    // Every byte of the record is inserted at most once, so a record's length (plus the head) bounds the nodes.
    private readonly int _capacity;
    private readonly byte[] _values;
    private int[]? _next;
    private int[]? _previous;
    private byte[]? _text;
    private bool _linked;
    private int _used = 1;
    private int _cursor = Head;

    /// <summary>Creates an editor for the lines of a record of <paramref name="recordLength"/> bytes.</summary>
    public TtyLineEditor(int recordLength)
    {
        _capacity = recordLength + 1;
        _values = ArrayPool<byte>.Shared.Rent(_capacity);
    }

    /// <summary>The editing keys seen on the current line.</summary>
    public TtyLineEdits Edits { get; set; }

    private int Last => _used - 1;

    /// <summary>Inserts typed bytes at the cursor and moves the cursor past them.</summary>
    public void Insert(ReadOnlySpan<byte> typed)
    {
        if (!_linked && _cursor == Last)
        {
            typed.CopyTo(_values.AsSpan(_used));
            _used += typed.Length;
            _cursor = Last;
            return;
        }

        LinkAll();
        var before = _cursor;
        var after = _next![before];
        foreach (var b in typed)
        {
            var node = _used++;
            _values[node] = b;
            Connect(before, node);
            before = node;
        }

        Connect(before, after);
        _cursor = before;
    }

    /// <summary>Applies a named key that does not end the line.</summary>
    public void Apply(string keyName)
    {
        switch (keyName)
        {
            case "backspace":
                Erase(PreviousBoundary(), _cursor);
                break;
            case "delete":
                Erase(_cursor, NextBoundary());
                break;
            case "^U":
                Erase(Head, _cursor);
                break;
            case "^K":
                Erase(_cursor, Previous(Head));
                break;
            case "^W":
                Erase(WordStart(), _cursor);
                break;
            case "^A" or "home":
                Move(Head);
                break;
            case "^E" or "end":
                Move(Previous(Head));
                break;
            case "^B" or "left":
                Move(PreviousBoundary());
                break;
            case "^F" or "right":
                Move(NextBoundary());
                break;
            case "up" or "down" or "^P" or "^N" or "^R" or "page-up" or "page-down":
                Edits |= TtyLineEdits.HistoryRecall;
                break;
            case "tab":
                Edits |= TtyLineEdits.Completion;
                break;
            default:
                Edits |= TtyLineEdits.OtherKeys;
                break;
        }
    }

    /// <summary>Ends the current line: returns it and starts an empty one.</summary>
    public TtyLine Take(TtyLineEnd end, int start, int length)
    {
        var text = _values.AsSpan(1, _used - 1);
        if (_linked)
        {
            _text ??= ArrayPool<byte>.Shared.Rent(_capacity);
            var textLength = 0;
            for (var node = _next![Head]; node != Head; node = _next[node])
            {
                _text[textLength++] = _values[node];
            }

            text = _text.AsSpan(0, textLength);
        }

        var line = new TtyLine(Encoding.UTF8.GetString(text), end, Edits, start, length);
        _linked = false;
        _used = 1;
        _cursor = Head;
        Edits = TtyLineEdits.None;
        return line;
    }

    /// <summary>Returns the buffers to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_values);
        ReturnIfRented(_next);
        ReturnIfRented(_previous);
        if (_text is not null)
        {
            ArrayPool<byte>.Shared.Return(_text);
        }
    }

    private static void ReturnIfRented(int[]? array)
    {
        if (array is not null)
        {
            ArrayPool<int>.Shared.Return(array);
        }
    }

    private int Next(int node) => _linked ? _next![node] : node < Last ? node + 1 : Head;

    private int Previous(int node) => _linked ? _previous![node] : node == Head ? Last : node - 1;

    // Removes the bytes between two positions, the first not after the second, and leaves the cursor at the first.
    private void Erase(int from, int to)
    {
        Edits |= TtyLineEdits.Erased;
        if (from != to)
        {
            if (!_linked && to == Last)
            {
                _used = from + 1;
            }
            else
            {
                LinkAll();
                Connect(from, _next![to]);
            }
        }

        _cursor = from;
    }

    private void Move(int to)
    {
        Edits |= TtyLineEdits.CursorMoved;
        _cursor = to;
    }

    // Links the nodes, typed in order so far, into the list: once per line, the first time an edit is not at the end.
    private void LinkAll()
    {
        if (_linked)
        {
            return;
        }

        _next ??= ArrayPool<int>.Shared.Rent(_capacity);
        _previous ??= ArrayPool<int>.Shared.Rent(_capacity);
        for (var node = Head; node < Last; node++)
        {
            Connect(node, node + 1);
        }

        Connect(Last, Head);
        _linked = true;
    }

    private void Connect(int before, int after)
    {
        _next![before] = after;
        _previous![after] = before;
    }

    // Back over one character: at most three continuation bytes and the byte before them, never past the first byte.
    private int PreviousBoundary()
    {
        if (_cursor == Head)
        {
            return Head;
        }

        var node = _cursor;
        for (var stepped = 1; Previous(node) != Head && stepped < 4 && IsContinuation(_values[node]); stepped++)
        {
            node = Previous(node);
        }

        return Previous(node);
    }

    // Forward over one character: its first byte and at most three continuation bytes after it.
    private int NextBoundary()
    {
        var node = Next(_cursor);
        if (node == Head)
        {
            return _cursor;
        }

        for (var stepped = 1; Next(node) != Head && stepped < 4 && IsContinuation(_values[Next(node)]); stepped++)
        {
            node = Next(node);
        }

        return node;
    }

    // ^W erases back over blanks, then over the word before them (the tty's WERASE and readline's unix-word-rubout).
    // The walk covers only bytes it erases, so over a record it passes each byte at most once.
    private int WordStart()
    {
        var node = _cursor;
        while (node != Head && _values[node] is (byte)' ' or (byte)'\t')
        {
            node = Previous(node);
        }

        while (node != Head && _values[node] is not ((byte)' ' or (byte)'\t'))
        {
            node = Previous(node);
        }

        return node;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
}
