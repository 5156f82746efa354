using System.Text;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// PROCTITLE <c>proctitle=</c>: the process's argv area as the kernel read it, arguments separated by NUL, hex
/// encoded (or quoted when it is one plain word), and cut at <see cref="KernelLimit"/> bytes.
/// </summary>
public static class ProcTitle
{
    /// <summary>The kernel logs at most this many bytes of the title (AUDIT_PROCTITLE_LEN); a longer one is cut without a mark.</summary>
    public const int KernelLimit = 128;

    /// <summary>The arguments: the decoded bytes split on NUL (a trailing NUL adds no empty argument); empty when absent.</summary>
    public static IReadOnlyList<string> Split(in AuditField field)
    {
        var bytes = Decode(field);
        var arguments = new List<string>();
        var rest = bytes.AsSpan();
        while (!rest.IsEmpty)
        {
            var nul = rest.IndexOf((byte)0);
            arguments.Add(Encoding.UTF8.GetString(nul < 0 ? rest : rest[..nul]));
            rest = nul < 0 ? [] : rest[(nul + 1)..];
        }

        return arguments;
    }

    /// <summary>The text <c>ausearch -i</c> prints: the decoded title with every NUL shown as a space; null when absent.</summary>
    public static string? DisplayText(in AuditField field) => FieldValues.DecodeText(field, nulAsSpace: true);

    /// <summary>True when the title has the kernel's full length, so it was probably cut.</summary>
    public static bool MayBeTruncated(in AuditField field) => field.DecodedLength >= KernelLimit;

    private static byte[] Decode(in AuditField field)
    {
        var bytes = new byte[field.DecodedLength];
        return field.TryDecodeBytes(bytes, out var written) ? bytes[..written] : [];
    }
}
