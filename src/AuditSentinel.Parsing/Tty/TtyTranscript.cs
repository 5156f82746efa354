using System.Diagnostics.CodeAnalysis;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Tty;

/// <summary>The keystrokes of one TTY or USER_TTY record: the bytes, aureport's rendering and the reconstructed lines.</summary>
public sealed class TtyTranscript
{
    private TtyTranscript(byte[] data, TtyDataForm form, string rendering)
    {
        Data = data;
        Form = form;
        Rendering = rendering;
        Lines = TtyLineReconstructor.Reconstruct(data);
    }

    /// <summary>The decoded keystroke bytes.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>How the record wrote them.</summary>
    public TtyDataForm Form { get; }

    /// <summary>The data column <c>aureport --tty</c> prints for the record.</summary>
    public string Rendering { get; }

    /// <summary>The lines entered, in order.</summary>
    public IReadOnlyList<TtyLine> Lines { get; }

    /// <summary>Reads a keystroke record; false when it is not TTY/USER_TTY or has no <c>data=</c>.</summary>
    public static bool TryCreate(AuditRecord record, [NotNullWhen(true)] out TtyTranscript? transcript)
    {
        transcript = null;
        if (!TtyData.IsKeystrokeRecord(record) || !TtyData.TryGetField(record, out var field))
        {
            return false;
        }

        transcript = FromField(field);
        return true;
    }

    /// <summary>Reads a <c>data=</c> field.</summary>
    public static TtyTranscript FromField(in AuditField field)
    {
        // Hex data is rendered from the bytes decoded here rather than decoded again by the renderer.
        var data = TtyData.Decode(field);
        var form = TtyData.GetForm(field);
        return new(data, form, form == TtyDataForm.Hex ? AureportTtyRenderer.Render(data) : AureportTtyRenderer.Render(field));
    }

    /// <summary>Builds a transcript of decoded bytes, as a TTY record's hex data would give them.</summary>
    public static TtyTranscript FromBytes(ReadOnlySpan<byte> data) =>
        new(data.ToArray(), TtyDataForm.Hex, AureportTtyRenderer.Render(data));

    /// <summary>aureport's rendering of one line's keystrokes, terminator included; the renderings of all lines joined by commas make <see cref="Rendering"/> for hex data.</summary>
    public string RenderLine(int index)
    {
        var line = Lines[index];
        return AureportTtyRenderer.Render(Data.Span.Slice(line.Start, line.Length));
    }
}
