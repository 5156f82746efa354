using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// Assembles argv from EXECVE records: <c>argc=</c>, <c>aN=</c>, and for long arguments <c>aN_len=</c> (the
/// argument's byte length) followed by <c>aN[0]=</c>, <c>aN[1]=</c>... chunks that may continue in the next EXECVE
/// record of the same event. Each chunk is quoted or hex on its own; the decoded bytes are joined, then read as UTF-8.
/// </summary>
public static class ExecveAssembler
{
    /// <summary>
    /// How many arguments may be missing before argv stops keeping their places: far more than a lost EXECVE record
    /// takes (one record holds at most about 7.5 KB of arguments), far fewer than a crafted argc could claim.
    /// </summary>
    public const int MaxMissingArguments = 4096;

    private static readonly ExecveArguments NoArguments = new([], null, []);

    /// <summary>
    /// Assembles the argv of the EXECVE records of an event, in log order; other record types are ignored. Without
    /// an EXECVE record the result has no arguments and is complete.
    /// </summary>
    public static ExecveArguments Assemble(ReadOnlySpan<AuditRecord> records)
    {
        var first = 0;
        while (first < records.Length && records[first].TypeNumber != RecordType.Execve)
        {
            first++;
        }

        if (first == records.Length)
        {
            return NoArguments;
        }

        records = records[first..];
        return InOrder(records) ?? Assembled(records);
    }

    // The kernel's usual layout, argc= then a0= to a(argc-1)= each whole and in order, decoded straight into argv;
    // null for anything else (chunks, lengths, gaps, order, a missing argc), which the general path handles.
    private static ExecveArguments? InOrder(ReadOnlySpan<AuditRecord> records)
    {
        var fieldCount = 0;
        foreach (var record in records)
        {
            fieldCount += record.TypeNumber == RecordType.Execve ? record.FieldCount : 0;
        }

        int? argc = null;
        string?[]? arguments = null;
        var next = 0;
        foreach (var field in new LoggedFields(records))
        {
            if (field.NameEquals("argc"u8))
            {
                if (argc is null && ArgumentCount(field) is { } count)
                {
                    // More arguments than fields cannot all be there: the general path reports them missing.
                    if (count >= fieldCount)
                    {
                        return null;
                    }

                    argc = count;
                    arguments = count == 0 ? [] : new string?[count];
                }
            }
            else if (TryParseName(field.Name, out var index, out var chunk, out var isLength))
            {
                if (arguments is null || isLength || chunk >= 0 || index != next || next == arguments.Length)
                {
                    return null;
                }

                arguments[next++] = field.Text ?? string.Empty;
            }
        }

        return arguments is not null && next == arguments.Length ? new ExecveArguments(arguments, argc, []) : null;
    }

    private static ExecveArguments Assembled(ReadOnlySpan<AuditRecord> records)
    {
        int? argc = null;
        var parts = new SortedDictionary<int, ArgumentParts>();
        foreach (var field in new LoggedFields(records))
        {
            if (field.NameEquals("argc"u8))
            {
                argc ??= ArgumentCount(field);
            }
            else if (TryParseName(field.Name, out var index, out var chunk, out var isLength))
            {
                Add(parts, index, chunk, isLength, field);
            }
        }

        var problems = new List<string>();
        var highest = parts.Count == 0 ? -1 : parts.Keys.Last();
        var count = Math.Max(argc ?? 0, highest + 1);
        var arguments = count - parts.Count <= MaxMissingArguments
            ? WithPlaceholders(parts, count, problems)
            : InIndexOrder(parts, count, problems);
        if (argc is { } declared && highest >= declared)
        {
            problems.Add(Describe($"arguments beyond argc={declared} were logged"));
        }

        return new ExecveArguments(arguments, argc, problems);
    }

    // argv as the kernel numbered it: a missing argument (a lost EXECVE record) keeps its place as null.
    private static string?[] WithPlaceholders(SortedDictionary<int, ArgumentParts> parts, int count, List<string> problems)
    {
        var arguments = new string?[count];
        for (var index = 0; index < count; index++)
        {
            if (!parts.TryGetValue(index, out var part))
            {
                problems.Add(Describe($"argument {index} is missing"));
                continue;
            }

            arguments[index] = part.Assemble(index, problems);
        }

        return arguments;
    }

    // An argc or an index far beyond what was logged (a crafted line, e.g. argc=2000000000) would otherwise size argv
    // and its problem list from the log; every logged argument is kept, in index order, with one problem that says so.
    private static string?[] InIndexOrder(SortedDictionary<int, ArgumentParts> parts, int count, List<string> problems)
    {
        problems.Add(Describe($"{count - parts.Count} of {count} arguments are missing; the {parts.Count} logged are listed in index order without placeholders"));
        var arguments = new string?[parts.Count];
        var next = 0;
        foreach (var (index, part) in parts)
        {
            arguments[next++] = part.Assemble(index, problems);
        }

        return arguments;
    }

    private static int? ArgumentCount(in AuditField argc) =>
        argc.TryGetInt64(out var logged) && logged is >= 0 and <= int.MaxValue ? (int)logged : null;

    private static void Add(SortedDictionary<int, ArgumentParts> parts, int index, int chunk, bool isLength, in AuditField field)
    {
        if (!parts.TryGetValue(index, out var part))
        {
            part = new ArgumentParts();
            parts.Add(index, part);
        }

        if (isLength)
        {
            part.DeclaredLength = field.TryGetInt64(out var length) ? length : -1;
            return;
        }

        var bytes = new byte[field.DecodedLength];
        field.TryDecodeBytes(bytes, out var written);
        if (written != bytes.Length)
        {
            Array.Resize(ref bytes, written);
        }

        if (chunk < 0)
        {
            part.Whole = bytes;
        }
        else
        {
            part.Chunks[chunk] = bytes;
        }
    }

    // aN, aN_len, aN[k]; anything else (argc, a-fields of other shapes) is not an argument.
    private static bool TryParseName(ReadOnlySpan<byte> name, out int index, out int chunk, out bool isLength)
    {
        index = 0;
        chunk = -1;
        isLength = false;
        if (name.Length < 2 || name[0] != (byte)'a')
        {
            return false;
        }

        var end = 1;
        while (end < name.Length && char.IsAsciiDigit((char)name[end]))
        {
            end++;
        }

        if (end == 1 || !Utf8Parser.TryParse(name[1..end], out index, out var used) || used != end - 1)
        {
            return false;
        }

        var rest = name[end..];
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest.SequenceEqual("_len"u8))
        {
            isLength = true;
            return true;
        }

        return rest.Length > 2 && rest[0] == (byte)'[' && rest[^1] == (byte)']'
            && Utf8Parser.TryParse(rest[1..^1], out chunk, out used) && used == rest.Length - 2 && chunk >= 0;
    }

    private static string Describe(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class ArgumentParts
    {
        public long? DeclaredLength { get; set; }

        public byte[]? Whole { get; set; }

        public SortedDictionary<int, byte[]> Chunks { get; } = [];

        public string? Assemble(int index, List<string> problems)
        {
            if (Whole is not null)
            {
                return Encoding.UTF8.GetString(Whole);
            }

            if (Chunks.Count == 0)
            {
                problems.Add(Describe($"argument {index} has a length but no chunks"));
                return null;
            }

            var total = 0;
            var expected = 0;
            foreach (var (number, bytes) in Chunks)
            {
                if (number != expected)
                {
                    problems.Add(Describe($"argument {index} is missing chunk {expected}"));
                    return null;
                }

                expected++;
                total += bytes.Length;
            }

            if (DeclaredLength is { } length && length != total)
            {
                problems.Add(Describe($"argument {index} has {total} of its {length} bytes"));
                return null;
            }

            var joined = new byte[total];
            var at = 0;
            foreach (var bytes in Chunks.Values)
            {
                bytes.CopyTo(joined, at);
                at += bytes.Length;
            }

            return Encoding.UTF8.GetString(joined);
        }
    }

    // The fields the kernel logged in the EXECVE records, in log order: both paths read these and nothing else (not the
    // ENRICHED names auditd appends, not other record types).
    private ref struct LoggedFields
    {
        private readonly ReadOnlySpan<AuditRecord> _records;
        private int _record;
        private int _field;

        public LoggedFields(ReadOnlySpan<AuditRecord> records)
        {
            _records = records;
            _field = -1;
        }

        public AuditField Current { get; private set; }

        public readonly LoggedFields GetEnumerator() => this;

        public bool MoveNext()
        {
            for (; _record < _records.Length; _record++, _field = -1)
            {
                var record = _records[_record];
                if (record.TypeNumber != RecordType.Execve)
                {
                    continue;
                }

                while (++_field < record.FieldCount)
                {
                    var field = record[_field];
                    if (field.Origin != FieldOrigin.Enriched)
                    {
                        Current = field;
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
