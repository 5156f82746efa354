using AuditSentinel.Parsing.Tty;
using BenchmarkDotNet.Attributes;

namespace AuditSentinel.Benchmarks;

/// <summary>
/// Line reconstruction and aureport rendering of one TTY record's keystrokes at the largest size a record carries:
/// 512 KiB, the hex data of a 1 MiB line. The crafted patterns are the worst cases of an editor that shifts the line
/// on every edit (inserting or deleting at the start) or scans the key table on every escape; the typed pattern is
/// ordinary shell input. Figures per record.
/// </summary>
[MemoryDiagnoser]
public class TtyBenchmarks
{
    private const int RecordBytes = 512 * 1024;

    private byte[] _data = [];

    /// <summary>The keystroke pattern repeated over the record.</summary>
    [Params("typed", "insert-left", "insert-home-end", "home-delete", "lone-escapes")]
    public string Pattern { get; set; } = "typed";

    [GlobalSetup]
    public void Setup() => _data = Keystrokes(Pattern);

    [Benchmark(Description = "TtyLineReconstructor.Reconstruct, per record")]
    public int Reconstruct() => TtyLineReconstructor.Reconstruct(_data).Count;

    [Benchmark(Description = "AureportTtyRenderer.Render, per record")]
    public int Render() => AureportTtyRenderer.Render(_data).Length;

    private static byte[] Keystrokes(string pattern) => pattern switch
    {
        "typed" => Repeat("ls -l /tmp\u007F\u007Fvar/log\r"u8),
        // Each key typed, then the cursor moved back over it: every insert lands at the line's start.
        "insert-left" => Repeat("a\u001B[D"u8),
        // ^A, a key at the start, ^E, a key at the end.
        "insert-home-end" => Repeat("a\u0001b\u0005"u8),
        // Half a record of text, ^A, then Delete (ESC [ 3 ~) until the text is gone.
        "home-delete" => [.. Enumerable.Repeat((byte)'x', RecordBytes / 2), 0x01, .. Repeat("\u001B[3~"u8, RecordBytes / 2 - 1)],
        "lone-escapes" => Repeat("\u001B"u8),
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "Unknown pattern."),
    };

    private static byte[] Repeat(ReadOnlySpan<byte> piece, int length = RecordBytes)
    {
        var bytes = new byte[length / piece.Length * piece.Length];
        for (var i = 0; i < bytes.Length; i += piece.Length)
        {
            piece.CopyTo(bytes.AsSpan(i));
        }

        return bytes;
    }
}
