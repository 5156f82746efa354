using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// Turns one log line into an <see cref="AuditRecord"/> or a <see cref="RejectReason"/>. Accepts auditd's RAW and
/// ENRICHED lines (with or without <c>node=</c>), numeric and <c>UNKNOWN[n]</c> types, syslog-wrapped lines
/// (<c>... audispd: node=... type=...</c>, <c>... kernel: audit: type=1400 audit(...)</c>) and lines already
/// interpreted by <c>ausearch -i</c>. Never throws on input. Not thread-safe: use one parser per reader.
/// </summary>
public sealed class RecordParser
{
    // Room the tokenizer starts with: more than almost any record has, so it rarely has to grow.
    private const int TokenRoom = 64;
    private readonly ChunkedStore<byte> _lines = new();
    private readonly ChunkedStore<FieldToken> _tokens = new();
    private readonly ChunkedStore<ulong> _keys = new();
    private readonly RecentStamp _recentStamp = new();
    private readonly FieldNamePlans _plans = new();
    private readonly bool _fastPaths;
    private ulong[] _delimiterBits = new ulong[64];
    private byte[] _lastNodeBytes = [];
    private string _lastNode = string.Empty;

    /// <summary>A parser for one reader.</summary>
    public RecordParser()
        : this(fastPaths: true)
    {
    }

    /// <param name="fastPaths">
    /// False to read every header and field the general way, without the shortcuts for the forms auditd writes (the
    /// tests compare both ways).
    /// </param>
    internal RecordParser(bool fastPaths) => _fastPaths = fastPaths;

    /// <summary>Parses one line (without its terminator).</summary>
    /// <param name="line">The line's bytes.</param>
    /// <param name="lineNumber">The 1-based line number in its source, kept on the record.</param>
    /// <param name="record">The record, when the line is one.</param>
    /// <param name="reason">Why the line is not a record, otherwise.</param>
    public bool TryParse(ReadOnlySpan<byte> line, long lineNumber, [NotNullWhen(true)] out AuditRecord? record, out RejectReason reason) =>
        TryParse(line, lineNumber, fallbackNode: null, out record, out reason);

    /// <summary>Parses one line; a line that names no host gets <paramref name="fallbackNode"/> (e.g. the host a forwarder reported).</summary>
    /// <param name="line">The line's bytes.</param>
    /// <param name="lineNumber">The 1-based line number in its source, kept on the record.</param>
    /// <param name="fallbackNode">The host to use when the line has neither <c>node=</c> nor a syslog host.</param>
    /// <param name="record">The record, when the line is one.</param>
    /// <param name="reason">Why the line is not a record, otherwise.</param>
    public bool TryParse(ReadOnlySpan<byte> line, long lineNumber, string? fallbackNode, [NotNullWhen(true)] out AuditRecord? record, out RejectReason reason)
    {
        record = null;
        line = TrimEnd(line);
        var bitWords = DelimiterBits.WordsFor(line.Length);
        if (_delimiterBits.Length < bitWords)
        {
            _delimiterBits = new ulong[bitWords];
        }

        // Marked before the header, whose usual form is then read from the maps too; the line is copied where the record
        // keeps it by the same pass (a rejected line's copy is left in free room, written over by the next line's).
        var delimiters = _delimiterBits.AsSpan(0, bitWords);
        var kept = _lines.Space(line.Length)[..line.Length];
        DelimiterBits.Mark(line, delimiters, kept);
        if (!(_fastPaths && TryReadAuditdHeader(line, delimiters, out var header)) && !TryParseHeader(line, out header, out reason))
        {
            return false;
        }

        reason = default;
        if (header.Node.Length == 0 && !string.IsNullOrEmpty(fallbackNode))
        {
            header = header with { Node = fallbackNode };
        }

        // Lines ausearch interpreted and types without a number are read without plans.
        var interpreted = header.Format == RecordFormat.Interpreted;
        var (bodyPlan, enrichedPlan) = _fastPaths && !interpreted && header.TypeNumber != 0 ? _plans.For(header.TypeNumber) : default;
        var tokenizer = new FieldTokenizer(
            line, interpreted, header.TypeNumber == RecordType.Execve, _tokens.Space(TokenRoom), _keys.Space(TokenRoom), delimiters, _fastPaths, bodyPlan, enrichedPlan);
        tokenizer.Tokenize(header.BodyStart, header.SeparatorAt);
        record = new AuditRecord(_lines.Keep(kept), header, _tokens.Keep(tokenizer.Tokens), _keys.Keep(tokenizer.Keys), lineNumber);
        return true;
    }

    /// <summary>
    /// Reads the header auditd writes, <c>[node=HOST ]type=NAME msg=audit(SECONDS.MMM:SERIAL): </c> with single
    /// spaces, from the delimiter maps and in one pass over the stamp (or none, when it repeats the last line's:
    /// <see cref="RecentStamp"/>); false for anything else, which <see cref="TryParseHeader"/> reads (and reads alike
    /// for this form: the tests compare both ways).
    /// </summary>
    private bool TryReadAuditdHeader(ReadOnlySpan<byte> line, ReadOnlySpan<ulong> delimiters, out RecordHeader header)
    {
        header = default;
        var typeAt = 0;
        var node = ReadOnlySpan<byte>.Empty;
        if (line.StartsWith("node="u8))
        {
            // The first blank or '=' after "node=" ends the host: no '=' or blank inside it, as NodeBytes requires.
            var hostEnd = DelimiterBits.Next(delimiters, DelimiterBits.NameEnds, 5, line.Length);
            typeAt = hostEnd + 1;
            if (hostEnd >= line.Length || line[hostEnd] != (byte)' ')
            {
                return false;
            }

            node = line[5..hostEnd];
        }

        if (!line[typeAt..].StartsWith("type="u8))
        {
            return false;
        }

        var typeStart = typeAt + 5;
        var typeEnd = DelimiterBits.Next(delimiters, DelimiterBits.ValueEnds, typeStart, line.Length);
        const int StampOffset = 11; // " msg=audit(" after the type name
        if (typeEnd + StampOffset >= line.Length || !line.Slice(typeEnd, StampOffset).SequenceEqual(" msg=audit("u8))
        {
            return false;
        }

        // The name's keys read in place: " msg=audit(" follows it, so 8 bytes from its start are in the line, and a name
        // longer than 8 bytes has its last 8 there too. A name the lookup does not know goes to the general reader.
        var typeLength = typeEnd - typeStart;
        var head = FieldToken.KeyAt(line, typeStart, typeLength);
        var tail = typeLength > sizeof(ulong) ? BinaryPrimitives.ReadUInt64LittleEndian(line[(typeEnd - sizeof(ulong))..]) : 0;
        if (!RecordTypeByteLookup.TryFind(line[typeStart..typeEnd], head, tail, out var typeNumber, out var typeName)
            || !_recentStamp.TryRead(line, typeEnd + StampOffset, out var timestamp, out var serial, out var close))
        {
            return false;
        }

        var bodyStart = BodyStart(line, close + 1, out var enrichedStart);
        var format = enrichedStart >= 0 ? RecordFormat.Enriched : RecordFormat.Raw;
        header = new RecordHeader(NodeText(node), typeNumber, typeName, timestamp, serial, format, bodyStart, enrichedStart);
        return true;
    }

    private bool TryParseHeader(ReadOnlySpan<byte> line, out RecordHeader header, out RejectReason reason)
    {
        header = default;
        // The first byte settles both checks for almost every line, before the whole line is searched.
        if (line.IsEmpty || (line[0] is (byte)' ' or (byte)'\t' && line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0))
        {
            reason = RejectReason.BlankLine;
            return false;
        }

        if (line.Length >= 4 && line[0] == (byte)'-' && line.IndexOfAnyExcept((byte)'-') < 0)
        {
            reason = RejectReason.EventSeparator;
            return false;
        }

        var typeAt = FindTypeKeyword(line);
        if (typeAt < 0)
        {
            reason = RejectReason.NoAuditHeader;
            return false;
        }

        var typeStart = typeAt + 5;
        var typeEnd = typeStart;
        while (typeEnd < line.Length && line[typeEnd] != (byte)' ')
        {
            typeEnd++;
        }

        if (!TryParseType(line[typeStart..typeEnd], out var typeNumber, out var typeName))
        {
            reason = RejectReason.BadRecordType;
            return false;
        }

        var rest = line[typeEnd..].TrimStart((byte)' ');
        var restOffset = line.Length - rest.Length;
        int stampStart;
        if (rest.StartsWith("msg=audit("u8))
        {
            stampStart = restOffset + 10;
        }
        else if (rest.StartsWith("audit("u8))
        {
            stampStart = restOffset + 6;
        }
        else
        {
            reason = RejectReason.NoAuditHeader;
            return false;
        }

        var close = line[stampStart..].IndexOf((byte)')');
        if (close < 0)
        {
            reason = RejectReason.BadTimestamp;
            return false;
        }

        var stamp = line.Slice(stampStart, close);
        RecordFormat format;
        AuditTimestamp timestamp;
        ulong serial;
        if (AuditStamp.TryParseRaw(stamp, out timestamp, out serial))
        {
            format = RecordFormat.Raw;
        }
        else if (AuditStamp.TryParseInterpreted(stamp, out timestamp, out serial))
        {
            format = RecordFormat.Interpreted;
        }
        else
        {
            reason = RejectReason.BadTimestamp;
            return false;
        }

        var bodyStart = BodyStart(line, stampStart + close + 1, out var enrichedStart);
        if (format == RecordFormat.Raw && enrichedStart >= 0)
        {
            format = RecordFormat.Enriched;
        }

        header = new RecordHeader(NodeOf(line[..typeAt]), typeNumber, typeName, timestamp, serial, format, bodyStart, enrichedStart);
        reason = default;
        return true;
    }

    // The fields start past the colons and blanks that follow the stamp's ')'; auditd's enriched names, when there
    // are any, after the group separator (-1 when there is none). Inlined: the auditd header's shortcut calls it per line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BodyStart(ReadOnlySpan<byte> line, int afterStamp, out int enrichedStart)
    {
        var bodyStart = afterStamp;
        while (bodyStart < line.Length && line[bodyStart] is (byte)' ' or (byte)':')
        {
            bodyStart++;
        }

        var separator = line[bodyStart..].IndexOf(FieldTokenizer.GroupSeparator);
        enrichedStart = separator < 0 ? -1 : bodyStart + separator;
        return bodyStart;
    }

    // Inlined: every line passes here, and the call cost more than the usual check of one last byte.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is (byte)'\r' or (byte)'\n' or (byte)' ' or 0)
        {
            end--;
        }

        return line[..end];
    }

    /// <summary>Where the first "type=" that starts a word stands in the line; -1 when none does.</summary>
    internal static int FindTypeKeyword(ReadOnlySpan<byte> line)
    {
        // auditd writes "type=" first or after one "node=HOST" word: that "type=" is the first one at a word start.
        if (line.StartsWith("type="u8))
        {
            return 0;
        }

        if (line.StartsWith("node="u8))
        {
            var space = line.IndexOf((byte)' ');
            if (space > 0 && line[(space + 1)..].StartsWith("type="u8))
            {
                return space + 1;
            }
        }

        return SearchTypeKeyword(line);
    }

    /// <summary><see cref="FindTypeKeyword"/> by searching the whole line, whatever its prefix.</summary>
    internal static int SearchTypeKeyword(ReadOnlySpan<byte> line)
    {
        var offset = 0;
        while (true)
        {
            var at = line[offset..].IndexOf("type="u8);
            if (at < 0)
            {
                return -1;
            }

            at += offset;
            if (at == 0 || line[at - 1] == (byte)' ')
            {
                return at;
            }

            offset = at + 5;
        }
    }

    private static bool TryParseType(ReadOnlySpan<byte> token, out int number, out string name)
    {
        number = 0;
        name = string.Empty;
        if (token.IsEmpty)
        {
            return false;
        }

        if (RecordTypeByteLookup.TryFind(token, out number, out name))
        {
            return true;
        }

        if (FieldValues.TryParseInt64(token, out var numeric) && numeric is > 0 and < 100_000)
        {
            number = (int)numeric;
            name = RecordType.NameOf(number);
            return true;
        }

        if (token.StartsWith("UNKNOWN["u8) && token[^1] == (byte)']'
            && FieldValues.TryParseInt64(token[8..^1], out numeric) && numeric is > 0 and < 100_000)
        {
            number = (int)numeric;
            name = RecordType.NameOf(number);
            return true;
        }

        Span<char> chars = stackalloc char[Math.Min(token.Length, 64)];
        if (token.Length > chars.Length)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i++)
        {
            var c = (char)token[i];
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }

            chars[i] = c;
        }

        // Every libaudit name was found by the byte lookup above: this is a name libaudit does not know.
        name = new string(chars);
        return true;
    }

    private string NodeOf(ReadOnlySpan<byte> prefix) => NodeText(NodeBytes(prefix));

    // The host as a string, made again only when it differs from the last line's.
    private string NodeText(ReadOnlySpan<byte> node)
    {
        if (node.IsEmpty)
        {
            return string.Empty;
        }

        if (!node.SequenceEqual(_lastNodeBytes))
        {
            _lastNodeBytes = node.ToArray();
            _lastNode = Encoding.UTF8.GetString(node);
        }

        return _lastNode;
    }

    /// <summary>The host named in the part of a line before "type=": by <c>node=</c>, else by a syslog wrapper; empty when none.</summary>
    internal static ReadOnlySpan<byte> NodeBytes(ReadOnlySpan<byte> prefix)
    {
        // auditd's own prefix, "node=HOST ", is read without the searches the general way makes.
        if (prefix.Length > 5 && prefix.StartsWith("node="u8) && prefix[^1] == (byte)' ')
        {
            var host = prefix[5..^1];
            if (host.IndexOfAny((byte)' ', (byte)'=') < 0)
            {
                return host;
            }
        }

        return SearchNodeBytes(prefix);
    }

    /// <summary><see cref="NodeBytes"/> by searching the prefix, whatever its form.</summary>
    internal static ReadOnlySpan<byte> SearchNodeBytes(ReadOnlySpan<byte> prefix)
    {
        prefix = prefix.TrimEnd((byte)' ');
        var nodeAt = prefix.LastIndexOf("node="u8);
        if (nodeAt >= 0 && (nodeAt == 0 || prefix[nodeAt - 1] == (byte)' '))
        {
            var value = prefix[(nodeAt + 5)..];
            var space = value.IndexOf((byte)' ');
            return space < 0 ? value : value[..space];
        }

        return SyslogWrapper.Host(prefix);
    }
}
