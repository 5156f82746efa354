using System.Text;
using AuditSentinel.Floor;

namespace AuditSentinel.Floor.Tests;

/// <summary>The fields the floor's scan finds, line by line (a line without fields has an empty list).</summary>
internal readonly struct CollectingSink() : IFieldSink
{
    public static bool WantsEscapes => true;

    public List<List<FoundField>> Lines { get; } = [[]];

    public void Field(ReadOnlySpan<byte> block, int nameStart, int nameEnd, int valueStart, int valueEnd, bool plain)
    {
        var name = block[nameStart..nameEnd];
        var value = block[valueStart..valueEnd];
        Lines[^1].Add(new FoundField(Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(value), plain, IsPlain(name) && IsPlain(value)));
    }

    public void EndRecord() => Lines.Add([]);

    /// <summary>The fields of each line of <paramref name="log"/>, read in blocks of <paramref name="blockSize"/> bytes.</summary>
    public static List<List<FoundField>> Of(byte[] log, int blockSize)
    {
        var sink = new CollectingSink();
        FloorRun.Scan(new MemoryStream(log), blockSize, ref sink);
        // The list opened after the last line end has no line.
        sink.Lines.RemoveAt(sink.Lines.Count - 1);
        return sink.Lines;
    }

    // Printable ASCII but the quote and the backslash: what JSON takes as it is.
    private static bool IsPlain(ReadOnlySpan<byte> text) => !text.ContainsAnyExceptInRange((byte)0x20, (byte)0x7F) && !text.ContainsAny((byte)'"', (byte)'\\');
}

/// <summary>A field the scan found: its text, whether the scan called it plain, and whether it is.</summary>
internal sealed record FoundField(string Name, string Value, bool Plain, bool IsPlain);
