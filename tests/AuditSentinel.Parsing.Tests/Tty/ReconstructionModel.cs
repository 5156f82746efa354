using System.Text;
using AuditSentinel.Parsing.Tty;

namespace AuditSentinel.Parsing.Tests.Tty;

/// <summary>
/// The reconstruction written as plainly as possible, to check the real one against: a key is the first table entry
/// that starts the input (a walk over the whole table), the line is a list of bytes edited at an index (every edit
/// shifts what follows), typed bytes go in one at a time. Slow on purpose; only the results must agree.
/// </summary>
internal static class ReconstructionModel
{
    private static readonly (byte[] Sequence, string Name)[] Table = [.. TtyNamedKeys.Entries];

    /// <summary>The key starting <paramref name="input"/> by auparse's rules, or null.</summary>
    public static (int Length, string Name)? FirstKey(ReadOnlySpan<byte> input)
    {
        if (input[0] is >= (byte)' ' and (< 0x7F or >= 0xA0))
        {
            return null;
        }

        foreach (var (sequence, name) in Table)
        {
            if (input.StartsWith(sequence))
            {
                return (sequence.Length, name);
            }
        }

        return null;
    }

    /// <summary>The lines of <paramref name="data"/>.</summary>
    public static List<TtyLine> Reconstruct(byte[] data)
    {
        var lines = new List<TtyLine>();
        var line = new ModelLine();
        var lineStart = 0;
        var position = 0;
        while (position < data.Length)
        {
            if (data[position] is >= 0x20 and not 0x7F)
            {
                line.Text.Insert(line.Cursor++, data[position++]);
                continue;
            }

            if (FirstKey(data.AsSpan(position)) is not var (length, name))
            {
                line.Edits |= TtyLineEdits.OtherKeys;
                position++;
                continue;
            }

            position += length;
            TtyLineEnd? end = name switch { "ret" => TtyLineEnd.Return, "nl" => TtyLineEnd.Newline, "^C" => TtyLineEnd.Interrupt, _ => null };
            if (end is { } terminator)
            {
                lines.Add(line.ToLine(terminator, lineStart, position - lineStart));
                line = new ModelLine();
                lineStart = position;
            }
            else
            {
                line.Apply(name);
            }
        }

        if (lineStart < data.Length)
        {
            lines.Add(line.ToLine(TtyLineEnd.EndOfData, lineStart, data.Length - lineStart));
        }

        return lines;
    }

    private sealed class ModelLine
    {
        public List<byte> Text { get; } = [];

        public int Cursor { get; set; }

        public TtyLineEdits Edits { get; set; }

        public void Apply(string name)
        {
            switch (name)
            {
                case "backspace": Erase(Previous(), Cursor); break;
                case "delete": Erase(Cursor, Next()); break;
                case "^U": Erase(0, Cursor); break;
                case "^K": Erase(Cursor, Text.Count); break;
                case "^W": Erase(WordStart(), Cursor); break;
                case "^A" or "home": Move(0); break;
                case "^E" or "end": Move(Text.Count); break;
                case "^B" or "left": Move(Previous()); break;
                case "^F" or "right": Move(Next()); break;
                case "up" or "down" or "^P" or "^N" or "^R" or "page-up" or "page-down": Edits |= TtyLineEdits.HistoryRecall; break;
                case "tab": Edits |= TtyLineEdits.Completion; break;
                default: Edits |= TtyLineEdits.OtherKeys; break;
            }
        }

        public TtyLine ToLine(TtyLineEnd end, int start, int length) =>
            new(Encoding.UTF8.GetString([.. Text]), end, Edits, start, length);

        private void Erase(int from, int to)
        {
            Edits |= TtyLineEdits.Erased;
            Text.RemoveRange(from, to - from);
            Cursor = from;
        }

        private void Move(int to)
        {
            Edits |= TtyLineEdits.CursorMoved;
            Cursor = to;
        }

        // One UTF-8 character: a byte and up to three continuation bytes; the first byte of the line is never skipped.
        private int Previous()
        {
            var i = Cursor;
            do
            {
                i--;
            }
            while (i > 0 && Cursor - i < 4 && IsContinuation(Text[i]));

            return Math.Max(i, 0);
        }

        private int Next()
        {
            var i = Cursor;
            do
            {
                i++;
            }
            while (i < Text.Count && i - Cursor < 4 && IsContinuation(Text[i]));

            return Math.Min(i, Text.Count);
        }

        private int WordStart()
        {
            var i = Cursor;
            while (i > 0 && Text[i - 1] is (byte)' ' or (byte)'\t')
            {
                i--;
            }

            while (i > 0 && Text[i - 1] is not ((byte)' ' or (byte)'\t'))
            {
                i--;
            }

            return i;
        }

        private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
    }
}
