using System.Buffers;
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
    public static string? DisplayText(in AuditField field)
    {
        if (field.Kind == FieldKind.Absent)
        {
            return null;
        }

        // NUL becomes a space in the bytes: an ASCII byte is never part of another UTF-8 sequence, valid or not, so
        // this reads as the text with every U+0000 replaced, without a second string.
        var length = field.DecodedLength;
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
            var title = field.TryDecodeBytes(buffer, out var written) ? buffer[..written] : [];
            title.Replace((byte)0, (byte)' ');
            return Encoding.UTF8.GetString(title);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when the title has the kernel's full length, so it was probably cut.</summary>
    public static bool MayBeTruncated(in AuditField field) => field.DecodedLength >= KernelLimit;

    private static byte[] Decode(in AuditField field)
    {
        var bytes = new byte[field.DecodedLength];
        return field.TryDecodeBytes(bytes, out var written) ? bytes[..written] : [];
    }
}
