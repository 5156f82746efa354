using System.Buffers;

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
        using var editor = new TtyLineEditor(data.Length);
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
}
