using System.Buffers;
using System.Text;

namespace AuditSentinel.Parsing.Tty;

/// <summary>
/// Rebuilds the lines a user entered from TTY keystrokes: Enter (<c>\r</c> or <c>\n</c>) and ^C end a line;
/// backspace/DEL, Delete, ^U, ^W, ^K erase; cursor keys move an insertion point as readline's emacs mode does.
/// Keys whose effect depends on state the record does not hold (history recall, tab completion, other control keys
/// and escape sequences) are left out of the text and flagged, so <see cref="TtyLine.Edited"/> tells the reader the
/// text is a best effort. Named keys are recognised as aureport recognises them, so line boundaries match its rendering.
/// Canonical-mode readers (password prompts) receive lines already edited by the tty and never show these keys.
/// </summary>
public static class TtyLineReconstructor
{
    /// <summary>Reconstructs the lines of decoded keystroke bytes. Never throws.</summary>
    public static IReadOnlyList<TtyLine> Reconstruct(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return [];
        }

        var lines = new List<TtyLine>();
        var buffer = ArrayPool<byte>.Shared.Rent(data.Length);
        try
        {
            var editor = new LineEditor(buffer);
            var lineStart = 0;
            var position = 0;
            while (position < data.Length)
            {
                // Typed text comes in runs of bytes that are no key: each run is found with one search and inserted whole.
                var typed = data[position..].IndexOfAny(Keys);
                typed = typed < 0 ? data.Length - position : typed;
                if (typed > 0)
                {
                    editor.Insert(data.Slice(position, typed));
                    position += typed;
                    continue;
                }

                if (!TtyNamedKeys.TryMatch(data[position..], out var keyLength, out var name))
                {
                    editor.Edits |= TtyLineEdits.OtherKeys;
                    position++;
                    continue;
                }

                position += keyLength;
                if (TryGetTerminator(name, out var end))
                {
                    lines.Add(editor.Take(end, lineStart, position - lineStart));
                    lineStart = position;
                }
                else
                {
                    editor.Apply(name);
                }
            }

            if (lineStart < data.Length)
            {
                lines.Add(editor.Take(TtyLineEnd.EndOfData, lineStart, data.Length - lineStart));
            }

            return lines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The bytes that are keys rather than text: controls and DEL.
    private static readonly SearchValues<byte> Keys = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), 0x7F]);

    private static bool TryGetTerminator(string keyName, out TtyLineEnd end)
    {
        end = keyName switch
        {
            "ret" => TtyLineEnd.Return,
            "nl" => TtyLineEnd.Newline,
            "^C" => TtyLineEnd.Interrupt,
            _ => TtyLineEnd.EndOfData,
        };
        return end != TtyLineEnd.EndOfData;
    }

    /// <summary>The line being typed: bytes with an insertion point, edited a UTF-8 character at a time.</summary>
    private struct LineEditor(byte[] buffer)
    {
        private int _length;
        private int _cursor;

        public TtyLineEdits Edits { get; set; }

        public void Insert(ReadOnlySpan<byte> typed)
        {
            buffer.AsSpan(_cursor, _length - _cursor).CopyTo(buffer.AsSpan(_cursor + typed.Length));
            typed.CopyTo(buffer.AsSpan(_cursor));
            _cursor += typed.Length;
            _length += typed.Length;
        }

        public void Apply(string keyName)
        {
            switch (keyName)
            {
                case "backspace":
                    Erase(PreviousBoundary(_cursor), _cursor);
                    break;
                case "delete":
                    Erase(_cursor, NextBoundary(_cursor));
                    break;
                case "^U":
                    Erase(0, _cursor);
                    break;
                case "^K":
                    Erase(_cursor, _length);
                    break;
                case "^W":
                    Erase(WordStart(), _cursor);
                    break;
                case "^A" or "home":
                    Move(0);
                    break;
                case "^E" or "end":
                    Move(_length);
                    break;
                case "^B" or "left":
                    Move(PreviousBoundary(_cursor));
                    break;
                case "^F" or "right":
                    Move(NextBoundary(_cursor));
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

        public TtyLine Take(TtyLineEnd end, int start, int length)
        {
            var line = new TtyLine(Encoding.UTF8.GetString(buffer, 0, _length), end, Edits, start, length);
            _length = 0;
            _cursor = 0;
            Edits = TtyLineEdits.None;
            return line;
        }

        private void Erase(int from, int to)
        {
            Edits |= TtyLineEdits.Erased;
            Array.Copy(buffer, to, buffer, from, _length - to);
            _length -= to - from;
            _cursor = from;
        }

        private void Move(int to)
        {
            Edits |= TtyLineEdits.CursorMoved;
            _cursor = to;
        }

        private readonly int PreviousBoundary(int from)
        {
            if (from == 0)
            {
                return 0;
            }

            var i = from - 1;
            while (i > 0 && from - i < 4 && IsContinuation(buffer[i]))
            {
                i--;
            }

            return i;
        }

        private readonly int NextBoundary(int from)
        {
            if (from >= _length)
            {
                return _length;
            }

            var i = from + 1;
            while (i < _length && i - from < 4 && IsContinuation(buffer[i]))
            {
                i++;
            }

            return i;
        }

        // ^W erases back over blanks, then over the word before them (the tty's WERASE and readline's unix-word-rubout).
        private readonly int WordStart()
        {
            var i = _cursor;
            while (i > 0 && buffer[i - 1] is (byte)' ' or (byte)'\t')
            {
                i--;
            }

            while (i > 0 && buffer[i - 1] is not ((byte)' ' or (byte)'\t'))
            {
                i--;
            }

            return i;
        }

        private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
    }
}
