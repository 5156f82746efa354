using System.Runtime.InteropServices;
using System.Text;

namespace AuditSentinel.Parsing.Tty;

/// <summary>
/// The names auparse gives to key sequences in TTY input (audit-userspace <c>auparse/tty_named_keys.h</c>), in its
/// order: the first entry whose bytes start the input wins, even when a longer one listed later would also match.
/// </summary>
internal static class TtyNamedKeys
{
    // Byte sequences as Latin-1 strings (each char is one byte) with their names, in auparse's order.
    private static readonly (string Sequence, string Name)[] Table =
    [
        ("\u0001", "^A"),
        ("\u0002", "^B"),
        ("\u0003", "^C"),
        ("\u0004", "^D"),
        ("\u0005", "^E"),
        ("\u0006", "^F"),
        ("\u0007", "^G"),
        ("\u0008", "backspace"),
        ("\u0009", "tab"),
        ("\u000A", "nl"),
        ("\u000B", "^K"),
        ("\u000C", "^L"),
        ("\u000D", "ret"),
        ("\u000E", "^N"),
        ("\u000F", "^O"),
        ("\u0010", "^P"),
        ("\u0011", "^Q"),
        ("\u0012", "^R"),
        ("\u0013", "^S"),
        ("\u0014", "^T"),
        ("\u0015", "^U"),
        ("\u0016", "^V"),
        ("\u0017", "^W"),
        ("\u0018", "^X"),
        ("\u0019", "^Y"),
        ("\u001A", "^Z"),
        ("\u007F", "backspace"),
        ("\u001B[11;2~", "F13"),
        ("\u001B[11;3~", "F49"),
        ("\u001B[11;4~", "F61"),
        ("\u001B[11;5~", "F25"),
        ("\u001B[11;6~", "F37"),
        ("\u001B[12;2~", "F14"),
        ("\u001B[12;3~", "F50"),
        ("\u001B[12;4~", "F62"),
        ("\u001B[12;5~", "F26"),
        ("\u001B[12;6~", "F38"),
        ("\u001B[13;2~", "F15"),
        ("\u001B[13;3~", "F51"),
        ("\u001B[13;4~", "F63"),
        ("\u001B[13;5~", "F27"),
        ("\u001B[13;6~", "F39"),
        ("\u001B[14;2~", "F16"),
        ("\u001B[14;3~", "F52"),
        ("\u001B[14;5~", "F28"),
        ("\u001B[14;6~", "F40"),
        ("\u001B[15;2~", "F17"),
        ("\u001B[15;3~", "F53"),
        ("\u001B[15;5~", "F29"),
        ("\u001B[15;6~", "F41"),
        ("\u001B[17;2~", "F18"),
        ("\u001B[17;3~", "F54"),
        ("\u001B[17;5~", "F30"),
        ("\u001B[17;6~", "F42"),
        ("\u001B[18;2~", "F19"),
        ("\u001B[18;3~", "F55"),
        ("\u001B[18;5~", "F31"),
        ("\u001B[18;6~", "F43"),
        ("\u001B[19;2~", "F20"),
        ("\u001B[19;3~", "F56"),
        ("\u001B[19;5~", "F32"),
        ("\u001B[19;6~", "F44"),
        ("\u001B[20;2~", "F21"),
        ("\u001B[20;3~", "F57"),
        ("\u001B[20;5~", "F33"),
        ("\u001B[20;6~", "F45"),
        ("\u001B[21;2~", "F22"),
        ("\u001B[21;3~", "F58"),
        ("\u001B[21;5~", "F34"),
        ("\u001B[21;6~", "F46"),
        ("\u001B[23;2~", "F23"),
        ("\u001B[23;3~", "F59"),
        ("\u001B[23;5~", "F35"),
        ("\u001B[23;6~", "F47"),
        ("\u001B[24;2~", "F24"),
        ("\u001B[24;3~", "F60"),
        ("\u001B[24;5~", "F36"),
        ("\u001B[24;6~", "F48"),
        ("\u001BO1;2A", "scroll-backward"),
        ("\u001BO1;2B", "scroll-forward"),
        ("\u001BO1;2C", "shift-right"),
        ("\u001BO1;2D", "shift-left"),
        ("\u001B[192z", "F11"),
        ("\u001B[193z", "resume"),
        ("\u001B[194z", "options"),
        ("\u001B[195z", "undo"),
        ("\u001B[196z", "help"),
        ("\u001B[197z", "copy"),
        ("\u001B[198z", "F17"),
        ("\u001B[199z", "F18"),
        ("\u001B[1;2A", "scroll-backward"),
        ("\u001B[1;2B", "scroll-forward"),
        ("\u001B[1;2C", "shift-right"),
        ("\u001B[1;2D", "shift-left"),
        ("\u001B[1;2F", "shift-end"),
        ("\u001B[1;2H", "shift-home"),
        ("\u001B[200z", "find"),
        ("\u001B[201z", "F20"),
        ("\u001B[208z", "F31"),
        ("\u001B[209z", "F32"),
        ("\u001B[210z", "F33"),
        ("\u001B[211z", "F34"),
        ("\u001B[212z", "F35"),
        ("\u001B[213z", "F36"),
        ("\u001B[214z", "home"),
        ("\u001B[215z", "F38"),
        ("\u001B[216z", "page-up"),
        ("\u001B[217z", "F40"),
        ("\u001B[218z", "B2"),
        ("\u001B[219z", "F42"),
        ("\u001B[220z", "end"),
        ("\u001B[221z", "F44"),
        ("\u001B[222z", "page-down"),
        ("\u001B[224z", "F1"),
        ("\u001B[225z", "F2"),
        ("\u001B[226z", "F3"),
        ("\u001B[227z", "F4"),
        ("\u001B[228z", "F5"),
        ("\u001B[229z", "F6"),
        ("\u001B[230z", "F7"),
        ("\u001B[231z", "F8"),
        ("\u001B[232z", "F9"),
        ("\u001B[233z", "F10"),
        ("\u001B[234z", "F11"),
        ("\u001B[235z", "F12"),
        ("\u001B[2;2~", "shift-insert"),
        ("\u001B[2;5~", "shift-insert"),
        ("\u001B[3;2~", "shift-del"),
        ("\u001B[3;5~", "shift-del"),
        ("\u001B[5;2~", "shift-previous"),
        ("\u001B[5;5~", "shift-previous"),
        ("\u001B[6;2~", "shift-next"),
        ("\u001B[6;5~", "shift-next"),
        ("\u001B[11^", "F23"),
        ("\u001B[11~", "F1"),
        ("\u001B[12^", "F24"),
        ("\u001B[12~", "F2"),
        ("\u001B[13^", "F25"),
        ("\u001B[13~", "F3"),
        ("\u001B[14^", "F26"),
        ("\u001B[14~", "F4"),
        ("\u001B[15^", "F27"),
        ("\u001B[15~", "F5"),
        ("\u001B[17^", "F28"),
        ("\u001B[17~", "F6"),
        ("\u001B[18^", "F29"),
        ("\u001B[18~", "F7"),
        ("\u001B[19^", "F30"),
        ("\u001B[19~", "F8"),
        ("\u001B[20^", "F31"),
        ("\u001B[20~", "F9"),
        ("\u001B[21^", "F32"),
        ("\u001B[21~", "F10"),
        ("\u001B[23$", "F21"),
        ("\u001B[23@", "F43"),
        ("\u001B[23^", "F33"),
        ("\u001B[23~", "F11"),
        ("\u001B[24$", "F22"),
        ("\u001B[24@", "F44"),
        ("\u001B[24^", "F34"),
        ("\u001B[24~", "F12"),
        ("\u001B[25^", "F35"),
        ("\u001B[25~", "F13"),
        ("\u001B[26^", "F36"),
        ("\u001B[26~", "F14"),
        ("\u001B[28^", "F37"),
        ("\u001B[28~", "F15"),
        ("\u001B[29^", "F38"),
        ("\u001B[29~", "F16"),
        ("\u001B[30~", "insert-line"),
        ("\u001B[31^", "F39"),
        ("\u001B[31~", "F17"),
        ("\u001B[32^", "F40"),
        ("\u001B[32~", "F18"),
        ("\u001B[33^", "F41"),
        ("\u001B[33~", "F19"),
        ("\u001B[34^", "F42"),
        ("\u001B[34~", "F20"),
        ("\u001BO2A", "scroll-backward"),
        ("\u001BO2B", "scroll-forward"),
        ("\u001BO2C", "shift-right"),
        ("\u001BO2D", "shift-left"),
        ("\u001BO2P", "F13"),
        ("\u001BO2Q", "F14"),
        ("\u001BO2R", "F15"),
        ("\u001BO2S", "F16"),
        ("\u001BO3P", "F49"),
        ("\u001BO3Q", "F50"),
        ("\u001BO3R", "F51"),
        ("\u001BO3S", "F52"),
        ("\u001BO4P", "F61"),
        ("\u001BO4Q", "F62"),
        ("\u001BO4R", "F63"),
        ("\u001BO5C", "shift-right"),
        ("\u001BO5D", "shift-left"),
        ("\u001BO5F", "shift-end"),
        ("\u001BO5H", "shift-home"),
        ("\u001BO5P", "F25"),
        ("\u001BO5Q", "F26"),
        ("\u001BO5R", "F27"),
        ("\u001BO5S", "F28"),
        ("\u001BO6P", "F37"),
        ("\u001BO6Q", "F38"),
        ("\u001BO6R", "F39"),
        ("\u001BO6S", "F40"),
        ("\u001B[1~", "home"),
        ("\u001B[2$", "shift-insert"),
        ("\u001B[2z", "insert"),
        ("\u001B[2~", "insert"),
        ("\u001B[3$", "shift-del"),
        ("\u001B[3z", "delete"),
        ("\u001B[3~", "delete"),
        ("\u001B[4~", "end"),
        ("\u001B[5$", "shift-previous"),
        ("\u001B[5~", "page-up"),
        ("\u001B[6$", "shift-next"),
        ("\u001B[6~", "page-down"),
        ("\u001B[7$", "shift-home"),
        ("\u001B[7~", "home"),
        ("\u001B[8$", "shift-end"),
        ("\u001B[8^", "delete-eol"),
        ("\u001B[8~", "end"),
        ("\u001B[>M", "mouse"),
        ("\u001B[[A", "F1"),
        ("\u001B[[B", "F2"),
        ("\u001B[[C", "F3"),
        ("\u001B[[D", "F4"),
        ("\u001B[[E", "F5"),
        ("\u009B11~", "F1"),
        ("\u009B12~", "F2"),
        ("\u009B13~", "F3"),
        ("\u009B14~", "F4"),
        ("\u009B15~", "F5"),
        ("\u009B17~", "F6"),
        ("\u009B18~", "F7"),
        ("\u009B19~", "F8"),
        ("\u009B20~", "F9"),
        ("\u009B21~", "F10"),
        ("\u009B23~", "F11"),
        ("\u009B24~", "F12"),
        ("\u009B25~", "F13"),
        ("\u009B26~", "F14"),
        ("\u009B28~", "F15"),
        ("\u009B29~", "F16"),
        ("\u009B31~", "F17"),
        ("\u009B32~", "F18"),
        ("\u009B33~", "F19"),
        ("\u009B34~", "F20"),
        ("\u001B2$", "shift-insert"),
        ("\u001BOA", "up"),
        ("\u001BOB", "down"),
        ("\u001BOC", "right"),
        ("\u001BOD", "left"),
        ("\u001BOE", "B2"),
        ("\u001BOF", "end"),
        ("\u001BOH", "home"),
        ("\u001BOM", "send"),
        ("\u001BOP", "F1"),
        ("\u001BOQ", "F2"),
        ("\u001BOR", "F3"),
        ("\u001BOS", "F4"),
        ("\u001BOT", "F5"),
        ("\u001BOU", "F6"),
        ("\u001BOV", "F7"),
        ("\u001BOW", "F8"),
        ("\u001BOX", "F9"),
        ("\u001BOY", "F10"),
        ("\u001BOZ", "F11"),
        ("\u001BO[", "F12"),
        ("\u001BOl", "F8"),
        ("\u001BOn", "C3"),
        ("\u001BOp", "C1"),
        ("\u001BOq", "C1"),
        ("\u001BOr", "B2"),
        ("\u001BOs", "C3"),
        ("\u001BOt", "F5"),
        ("\u001BOu", "B2"),
        ("\u001BOv", "F7"),
        ("\u001BOw", "A1"),
        ("\u001BOx", "F10"),
        ("\u001BOy", "A3"),
        ("\u001B[9", "delete"),
        ("\u001B[@", "F41"),
        ("\u001B[A", "up"),
        ("\u001B[B", "down"),
        ("\u001B[C", "right"),
        ("\u001B[D", "left"),
        ("\u001B[E", "B2"),
        ("\u001B[F", "end"),
        ("\u001B[G", "B2"),
        ("\u001B[H", "home"),
        ("\u001B[I", "page-up"),
        ("\u001B[L", "insert"),
        ("\u001B[M", "mouse"),
        ("\u001B[N", "F2"),
        ("\u001B[O", "F3"),
        ("\u001B[P", "F4"),
        ("\u001B[Q", "F5"),
        ("\u001B[R", "F6"),
        ("\u001B[S", "F7"),
        ("\u001B[T", "F8"),
        ("\u001B[U", "F9"),
        ("\u001B[V", "F10"),
        ("\u001B[W", "F11"),
        ("\u001B[X", "F12"),
        ("\u001B[Y", "F13"),
        ("\u001B[Z", "back-tab"),
        ("\u001B[[", "F42"),
        ("\u001B[\\", "F43"),
        ("\u001B[]", "F44"),
        ("\u001B[^", "F45"),
        ("\u001B[_", "F46"),
        ("\u001B[`", "F47"),
        ("\u001B[a", "F15"),
        ("\u001B[b", "F16"),
        ("\u001B[c", "shift-right"),
        ("\u001B[d", "shift-left"),
        ("\u001B[e", "F19"),
        ("\u001B[f", "F20"),
        ("\u001B[g", "F21"),
        ("\u001B[h", "F22"),
        ("\u001B[i", "F23"),
        ("\u001B[j", "F24"),
        ("\u001B[k", "F25"),
        ("\u001B[l", "F26"),
        ("\u001B[m", "F27"),
        ("\u001B[n", "F28"),
        ("\u001B[o", "F29"),
        ("\u001B[p", "F30"),
        ("\u001B[q", "F31"),
        ("\u001B[r", "F32"),
        ("\u001B[s", "F33"),
        ("\u001B[t", "F34"),
        ("\u001B[u", "F35"),
        ("\u001B[v", "F36"),
        ("\u001B[w", "F37"),
        ("\u001B[x", "F38"),
        ("\u001B[y", "F39"),
        ("\u001B[z", "F40"),
        ("\u001B[{", "F48"),
        ("\u009B1~", "home"),
        ("\u009B2~", "insert"),
        ("\u009B3~", "delete"),
        ("\u009B4~", "end"),
        ("\u009B5~", "page-up"),
        ("\u009B6~", "page-down"),
        ("\u001BA", "up"),
        ("\u001BB", "down"),
        ("\u001BC", "right"),
        ("\u001BD", "left"),
        ("\u001BF", "end"),
        ("\u001BJ", "clear"),
        ("\u001BP", "delete"),
        ("\u001BQ", "insert"),
        ("\u001BS", "page-down"),
        ("\u001BT", "page-up"),
        ("\u001Bh", "home"),
        ("\u001Bp", "F1"),
        ("\u001Bq", "F2"),
        ("\u001Br", "F3"),
        ("\u001Bs", "F4"),
        ("\u001Bt", "F5"),
        ("\u001Bu", "F6"),
        ("\u001Bv", "F7"),
        ("\u001Bw", "F8"),
        ("\u001B\u0009", "back-tab"),
        ("\u008FA", "up"),
        ("\u008FB", "down"),
        ("\u008FC", "right"),
        ("\u008FD", "left"),
        ("\u008FE", "begin"),
        ("\u008FM", "send"),
        ("\u008Fq", "C1"),
        ("\u008Fs", "C3"),
        ("\u008Fu", "A3"),
        ("\u008Fw", "A1"),
        ("\u008Fy", "B2"),
        ("\u009BM", "mouse"),
        ("\u009BZ", "back-tab"),
        ("\u001B", "esc"),
    ];

    // The sequences as a trie, one node per distinct prefix, so a match costs one step per byte of the longest
    // sequence (seven) instead of a walk over every entry that shares the first byte (314 start with ESC): a crafted
    // record of 512 KiB of lone ESC bytes took about a second to reconstruct and as long again to render (TtyBenchmarks).
    private static readonly KeyNode?[] ByFirstByte = BuildTrie();

    /// <summary>The table's entries, in order, as bytes (for tests that compare the trie with a walk over the table).</summary>
    internal static IEnumerable<(byte[] Sequence, string Name)> Entries =>
        Table.Select(entry => (Encoding.Latin1.GetBytes(entry.Sequence), entry.Name));

    /// <summary>
    /// Finds the key that starts <paramref name="input"/>. Bytes from space to <c>~</c> and from 0xA0 up never start
    /// a named key (auparse's fast path), so they are printable even when a sequence would match.
    /// </summary>
    internal static bool TryMatch(ReadOnlySpan<byte> input, out int length, out string name)
    {
        length = 0;
        name = string.Empty;
        var first = input[0];
        if (first >= (byte)' ' && (first < 0x7F || first >= 0xA0))
        {
            return false;
        }

        // Every entry on the path is a sequence that starts the input; the one listed first wins.
        var best = int.MaxValue;
        var node = ByFirstByte[first];
        for (var depth = 1; node is not null; depth++)
        {
            if (node.Order < best)
            {
                best = node.Order;
                length = depth;
                name = node.Name;
            }

            node = depth < input.Length && node.HasChildren ? node.Child(input[depth]) : null;
        }

        return best != int.MaxValue;
    }

    private static KeyNode?[] BuildTrie()
    {
        var roots = new KeyNode?[256];
        var order = 0;
        foreach (var (sequence, name) in Entries)
        {
            var node = roots[sequence[0]] ??= new KeyNode();
            foreach (var b in sequence.AsSpan(1))
            {
                node = node.AddChild(b);
            }

            node.SetEntry(order++, name);
        }

        return roots;
    }

    /// <summary>A prefix of one or more sequences; <see cref="Order"/> is the table position of the entry it completes.</summary>
    private sealed class KeyNode
    {
        // Most nodes have a child or two (ESC [ has the most, 68): a vectorized search of their bytes beats a hash lookup.
        private readonly List<byte> _nextBytes = [];
        private readonly List<KeyNode> _children = [];

        /// <summary>The position in the table of the entry spelled by the path to this node; <see cref="int.MaxValue"/> when none.</summary>
        public int Order { get; private set; } = int.MaxValue;

        /// <summary>The key name of that entry.</summary>
        public string Name { get; private set; } = string.Empty;

        /// <summary>True when a longer sequence continues this prefix; the single-byte keys (Enter, DEL...) have none.</summary>
        public bool HasChildren => _children.Count > 0;

        public KeyNode? Child(byte next)
        {
            var index = CollectionsMarshal.AsSpan(_nextBytes).IndexOf(next);
            return index < 0 ? null : _children[index];
        }

        public KeyNode AddChild(byte next)
        {
            if (Child(next) is { } child)
            {
                return child;
            }

            child = new KeyNode();
            _nextBytes.Add(next);
            _children.Add(child);
            return child;
        }

        // The table has no duplicate sequence; were one added, its first entry would stay the match, as in auparse.
        public void SetEntry(int order, string name)
        {
            if (order < Order)
            {
                Order = order;
                Name = name;
            }
        }
    }
}
