using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AuditSentinel.Parsing.Records;

/// <summary>
/// Splits a record body into key=value tokens without allocating: quoted, hex, braced and bare values, the nested
/// user-space <c>msg='...'</c> payload, the ENRICHED part after 0x1D, and the legacy forms (<c>old auid=</c>,
/// PAM's <c>(hostname=?, addr=?, terminal=cron res=success)</c>, SELinux <c>denied { read }</c>).
/// </summary>
internal ref struct FieldTokenizer
{
    internal const byte GroupSeparator = 0x1D;

    /// <summary>Names that do not stand in the line as written; <see cref="FieldToken.NameStart"/> holds their bitwise complement.</summary>
    internal static readonly byte[][] SyntheticNames = ["old-auid"u8.ToArray(), "old-ses"u8.ToArray(), "seresult"u8.ToArray(), "seperms"u8.ToArray()];

    private static readonly ulong[] SyntheticKeys = [.. SyntheticNames.Select(name => FieldToken.KeyOf(name))];
    private static readonly ulong AuidKey = FieldToken.KeyOf("auid"u8);
    private static readonly ulong SesKey = FieldToken.KeyOf("ses"u8);

    private const int OldAuid = 0;
    private const int OldSes = 1;
    private const int SelinuxResult = 2;
    private const int SelinuxPermissions = 3;

    private readonly ReadOnlySpan<byte> _line;
    private readonly bool _interpreted;
    private readonly bool _isExecve;
    private readonly bool _simpleFieldsFirst;
    private readonly ReadOnlySpan<ulong> _delimiters;
    private readonly FieldNamePlan? _bodyPlan;
    private readonly FieldNamePlan? _enrichedPlan;
    private Span<FieldToken> _tokens;
    private Span<ulong> _keys;
    private int _count;
    private int _pendingOld;

    /// <param name="line">The whole line; token offsets are into it.</param>
    /// <param name="interpreted">True for a line that <c>ausearch -i</c> wrote.</param>
    /// <param name="isExecve">True for an EXECVE record.</param>
    /// <param name="tokenRoom">Where to put the tokens while they fit.</param>
    /// <param name="keyRoom">Where to put their name keys while they fit.</param>
    /// <param name="delimiters">The line's delimiter maps (<see cref="DelimiterBits.Mark"/>).</param>
    /// <param name="simpleFieldsFirst">
    /// False to read every field the general way; the tokens are the same either way (the tests compare them).
    /// </param>
    /// <param name="bodyPlan">The names this record's type began its body with last time, learned anew when they differ; null: none.</param>
    /// <param name="enrichedPlan">The same for the ENRICHED part.</param>
    internal FieldTokenizer(
        ReadOnlySpan<byte> line,
        bool interpreted,
        bool isExecve,
        Span<FieldToken> tokenRoom,
        Span<ulong> keyRoom,
        ReadOnlySpan<ulong> delimiters,
        bool simpleFieldsFirst = true,
        FieldNamePlan? bodyPlan = null,
        FieldNamePlan? enrichedPlan = null)
    {
        _bodyPlan = bodyPlan;
        _enrichedPlan = enrichedPlan;
        _delimiters = delimiters;
        _line = line;
        _interpreted = interpreted;
        _isExecve = isExecve;
        _simpleFieldsFirst = simpleFieldsFirst;
        _tokens = tokenRoom;
        _keys = keyRoom;
        _pendingOld = -1;
    }

    /// <summary>The tokens found, in the room given or, when they outgrew it, in a larger array.</summary>
    internal readonly ReadOnlySpan<FieldToken> Tokens => _tokens[.._count];

    /// <summary>The name keys of <see cref="Tokens"/> (<see cref="FieldToken.KeyOf"/>), one per token.</summary>
    internal readonly ReadOnlySpan<ulong> Keys => _keys[.._count];

    /// <summary>Tokenizes the body from <paramref name="bodyStart"/>; the ENRICHED fields follow <paramref name="separatorAt"/> (-1: none).</summary>
    internal void Tokenize(int bodyStart, int separatorAt)
    {
        var bodyEnd = separatorAt < 0 ? _line.Length : separatorAt;
        ScanPart(bodyStart, bodyEnd, FieldOrigin.Body, continuation: _interpreted, _bodyPlan);
        if (separatorAt >= 0)
        {
            ScanPart(bodyEnd + 1, _line.Length, FieldOrigin.Enriched, continuation: false, _enrichedPlan);
        }
    }

    // A part read with a plan starts with the fields the plan names; the plan learns the part's names when they differ.
    private void ScanPart(int from, int to, FieldOrigin origin, bool continuation, FieldNamePlan? plan)
    {
        if (plan is null || continuation)
        {
            Scan(from, to, origin, continuation);
            return;
        }

        var first = _count;
        from = ScanPlannedFields(from, to, origin, plan, 0, out var matched);
        if (matched < plan.Names.Length && plan.TrySwitchAt(matched))
        {
            from = ScanPlannedFields(from, to, origin, plan, matched, out matched);
        }

        Scan(from, to, origin, continuation);

        // A part the plan read whole, and no more, has nothing to teach it: most lines.
        if (matched != plan.Names.Length || _count != first + matched)
        {
            plan.LearnIfDiffers(matched, _line, Tokens[first..], Keys[first..], origin, _isExecve);
        }
    }

    /// <summary>
    /// Reads the fields <paramref name="plan"/> names, in its order from its name <paramref name="from"/>, from line
    /// position <paramref name="i"/>: each name checked where it is expected by one masked 8-byte compare (the name and
    /// the '=' after it), its value read as <see cref="ScanSimpleFields"/> reads it and classed by the plan's word on hex
    /// instead of a lookup of the name.
    /// Stops at the first name that differs from the plan, at the first field that <see cref="ScanSimpleFields"/> would
    /// not read and at the first whose value runs past the next 64-byte word of the maps or may be hex, and returns where
    /// that field starts; <paramref name="matched"/> is <paramref name="from"/> plus the number of fields read.
    /// </summary>
    /// <remarks>
    /// The loop makes no call and reads through unchecked references, so that its state stays in registers (with calls
    /// for the rare cases and range checks it spilled a dozen values and cost about 107 instructions a field). The bounds
    /// it relies on: a name's 8-byte load starts at i &lt;= line.Length - 8; a value starts at valueStart &lt; to &lt;=
    /// line.Length and ends at valueEnd &gt;= valueStart &gt; 0, so line[valueEnd - 1] and an absent marker's 6 bytes
    /// (valueEnd = valueStart + 6 &lt;= to) are in the line, as is the byte after a closing quote, read only before
    /// "to"; the maps cover "to" (<see cref="DelimiterBits.NextNear"/>); at most "room" tokens and keys are written, the
    /// room left in both.
    /// </remarks>
    internal int ScanPlannedFields(int i, int to, FieldOrigin origin, FieldNamePlan plan, int from, out int matched)
    {
        matched = from;
        if (_pendingOld == 1)
        {
            return i;
        }

        _pendingOld = -1;
        var count = _count;
        var names = plan.Names[from..];
        var room = Math.Min(Math.Min(_tokens.Length, _keys.Length) - count, names.Length);
        var lastNameStart = _line.Length - sizeof(ulong);
        ref var line = ref MemoryMarshal.GetReference(_line);
        ref var bits = ref MemoryMarshal.GetReference(_delimiters);
        ref var firstName = ref MemoryMarshal.GetReference(names);
        ref var name = ref firstName;
        ref var namesEnd = ref Unsafe.Add(ref firstName, room);
        ref var token = ref Unsafe.Add(ref MemoryMarshal.GetReference(_tokens), count);
        ref var key = ref Unsafe.Add(ref MemoryMarshal.GetReference(_keys), count);
        while (Unsafe.IsAddressLessThan(ref name, ref namesEnd) && i <= lastNameStart)
        {
            if ((ReadWord(ref Unsafe.Add(ref line, i)) & name.Mask) != name.Expected)
            {
                break;
            }

            var valueStart = i + name.Length + 1;
            if (valueStart >= to || (name.Length == sizeof(ulong) && Unsafe.Add(ref line, valueStart - 1) != (byte)'='))
            {
                break;
            }

            var first = Unsafe.Add(ref line, valueStart);
            FieldKind kind;
            int valueLength;
            int next;
            if (first == (byte)'"')
            {
                valueStart++;
                var close = DelimiterBits.NextNear(ref bits, DelimiterBits.Quotes, valueStart, to);
                if (close < 0)
                {
                    break;
                }

                valueLength = close - valueStart;
                kind = FieldKind.Quoted;
                next = close + 1 < to && Unsafe.Add(ref line, close + 1) == (byte)' ' ? close + 2 : Math.Min(close + 1, to);
            }
            else
            {
                // The first blank ends the value (ScanSimpleFields finds the same one past any '=' in it).
                var valueEnd = DelimiterBits.NextNear(ref bits, DelimiterBits.ValueEnds, valueStart, to);
                if (valueEnd < 0 || first is (byte)'\'' or (byte)'{' || Unsafe.Add(ref line, valueEnd - 1) == (byte)',')
                {
                    break;
                }

                valueLength = valueEnd - valueStart;
                kind = KindByText(ref Unsafe.Add(ref line, valueStart), first, valueLength);
                if (kind == FieldKind.Hex)
                {
                    // A value of a name that may be hex is checked digit by digit on the general way.
                    if (name.MayBeHex)
                    {
                        break;
                    }

                    kind = FieldKind.Plain;
                }

                next = valueEnd + 1;
            }

            token = new FieldToken(i, name.Length, valueStart, valueLength, kind, origin);
            key = name.Key;
            token = ref Unsafe.Add(ref token, 1);
            key = ref Unsafe.Add(ref key, 1);
            name = ref Unsafe.Add(ref name, 1);
            i = next;
        }

        var read = (int)(Unsafe.ByteOffset(ref firstName, ref name) / Unsafe.SizeOf<PlannedName>());
        _count = count + read;
        matched = from + read;
        return Math.Min(i, to);
    }

    // A name's first 8 bytes as ScanSimpleFields reads them (little-endian).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadWord(ref byte at)
    {
        var word = Unsafe.ReadUnaligned<ulong>(ref at);
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    private void Scan(int from, int to, FieldOrigin origin, bool continuation)
    {
        var line = _line;
        var parenthesized = false;
        var i = from;
        while (i < to)
        {
            if (_simpleFieldsFirst && !continuation && !parenthesized)
            {
                i = ScanSimpleFields(i, to, origin);
                if (i >= to)
                {
                    break;
                }
            }

            var b = line[i];
            if (b is (byte)' ' or (byte)'\t')
            {
                i++;
                continue;
            }

            var wordStart = i;
            i = DelimiterBits.Next(_delimiters, DelimiterBits.NameEnds, i, to);

            if (i >= to || line[i] != (byte)'=')
            {
                i = FreeWord(wordStart, i, to, origin);
                continue;
            }

            var nameStart = wordStart;
            if (line[nameStart] == (byte)'(')
            {
                nameStart++;
                parenthesized = true;
            }

            var nameLength = i - nameStart;
            i++;
            if (nameLength == 0)
            {
                i = SkipToken(i, to);
                continue;
            }

            var first = i < to ? line[i] : (byte)0;
            if (first == (byte)'"')
            {
                var close = line[(i + 1)..to].IndexOf((byte)'"');
                var end = close < 0 ? to : i + 1 + close;
                Add(nameStart, nameLength, i + 1, end - i - 1, FieldKind.Quoted, origin);
                i = Math.Min(end + 1, to);
            }
            else if (first == (byte)'\'' && origin != FieldOrigin.Enriched)
            {
                var close = line[(i + 1)..to].LastIndexOf((byte)'\'');
                var end = close < 0 ? to : i + 1 + close;
                Scan(i + 1, end, FieldOrigin.Message, continuation: true);
                i = Math.Min(end + 1, to);
            }
            else if (first == (byte)'{')
            {
                i = Braced(nameStart, nameLength, i, to, origin);
            }
            else
            {
                var valueStart = i;
                i = SkipToken(i, to);
                var valueEnd = i;
                if (continuation)
                {
                    valueEnd = ExtendOverBareWords(valueEnd, to);
                    i = valueEnd;
                }

                while (valueEnd > valueStart && (line[valueEnd - 1] == (byte)',' || (parenthesized && line[valueEnd - 1] == (byte)')')))
                {
                    valueEnd--;
                }

                AddBare(nameStart, nameLength, valueStart, valueEnd - valueStart, origin);
            }
        }
    }

    /// <summary>
    /// Reads the fields auditd writes most, <c>name=value</c> and <c>name="value"</c> a blank apart, with the whole state
    /// in locals; stops at the first word it leaves to the general loop in <see cref="Scan"/> (a free word, a nested
    /// message, braces, an empty name or value at the end, a value with a trailing comma, a name too near the line's
    /// end for one 8-byte load, full room, a pending <c>old</c>) and returns where that word starts, or
    /// <paramref name="to"/>. Reads each of these fields exactly as the general loop does.
    /// </summary>
    /// <remarks>
    /// The name ends are taken in order from one word of their map held in a register (<c>pending</c>: the word's bits
    /// from the position reached on), so a name's '=', a bare value's blank and a blank between fields each cost a
    /// trailing-zero count and the clearing of that bit; only a quoted value or an '=' inside a bare value seeks.
    /// </remarks>
    internal int ScanSimpleFields(int i, int to, FieldOrigin origin)
    {
        if (_pendingOld == 1)
        {
            return i;
        }

        // Only a pending "old" renames the next field: "new" (0) and none (-1) read alike.
        _pendingOld = -1;
        var line = _line;
        var delimiters = _delimiters;
        // Both cut to the room checked below, so that the stores into them need no range check of their own.
        var room = Math.Min(_tokens.Length, _keys.Length);
        var tokens = _tokens[..room];
        var keys = _keys[..room];
        var count = _count;
        var mayBeHex = !_interpreted && origin != FieldOrigin.Enriched;

        // Words that start here leave 8 bytes of line for one load of the name's key.
        var wordsEnd = Math.Min(to, line.Length - sizeof(ulong) + 1);
        var wordStart = i & ~(DelimiterBits.BytesPerWord - 1);
        var pending = DelimiterBits.WordUpTo(delimiters, DelimiterBits.NameEnds, wordStart, to) & (ulong.MaxValue << i);
        while (i < wordsEnd)
        {
            while (pending == 0)
            {
                wordStart += DelimiterBits.BytesPerWord;
                pending = DelimiterBits.WordUpTo(delimiters, DelimiterBits.NameEnds, wordStart, to);
            }

            var nameEnd = wordStart + BitOperations.TrailingZeroCount(pending);
            pending &= pending - 1;
            if (nameEnd == i)
            {
                // A blank here (its bit is the one just taken) is stepped over; an '=' is an empty name.
                if (line[i] is not ((byte)' ' or (byte)'\t'))
                {
                    break;
                }

                i++;
                continue;
            }

            var valueStart = nameEnd + 1;
            var nameLength = nameEnd - i;
            var key = BinaryPrimitives.ReadUInt64LittleEndian(line[i..]);
            if (valueStart >= to || line[nameEnd] != (byte)'=' || (byte)key == (byte)'(' || count >= tokens.Length || count >= keys.Length)
            {
                break;
            }

            key = nameLength >= sizeof(ulong) ? key : key & ((1UL << (nameLength * 8)) - 1);
            var nameStart = i;
            var first = line[valueStart];
            FieldKind kind;
            int valueLength;
            if (first == (byte)'"')
            {
                valueStart++;
                var close = DelimiterBits.Next(delimiters, DelimiterBits.Quotes, valueStart, to);
                valueLength = close - valueStart;
                kind = FieldKind.Quoted;
                // The blank after the closing quote is stepped over here rather than taken on a turn of its own.
                i = close + 1 < to && line[close + 1] == (byte)' ' ? close + 2 : Math.Min(close + 1, to);
                SeekNameEnds(delimiters, i, to, ref wordStart, ref pending);
            }
            else
            {
                // The refill written out as above: as one inlined helper taking both by reference the loop cost more
                // (ScanSimpleFields 39.5M -> 40.6M instructions, corpus-5MB).
                while (pending == 0)
                {
                    wordStart += DelimiterBits.BytesPerWord;
                    pending = DelimiterBits.WordUpTo(delimiters, DelimiterBits.NameEnds, wordStart, to);
                }

                var valueEnd = wordStart + BitOperations.TrailingZeroCount(pending);
                pending &= pending - 1;
                if (valueEnd < to && line[valueEnd] == (byte)'=')
                {
                    // An '=' inside the value: it ends at the next blank, and the names after it.
                    valueEnd = DelimiterBits.Next(delimiters, DelimiterBits.ValueEnds, valueEnd, to);
                    SeekNameEnds(delimiters, valueEnd + 1, to, ref wordStart, ref pending);
                }

                if (first is (byte)'\'' or (byte)'{' || line[valueEnd - 1] == (byte)',')
                {
                    break;
                }

                valueLength = valueEnd - valueStart;

                // Past the blank that ends the value (beyond "to" when none does, which ends the loop).
                i = valueEnd + 1;
                kind = KindByText(ref Unsafe.AsRef(in line[valueStart]), first, valueLength);
                if (kind == FieldKind.Hex)
                {
                    kind = mayBeHex && FieldValues.MayBeHexEncoded(line.Slice(nameStart, nameLength), key, _isExecve) ? HexKind(valueStart, ref valueLength) : FieldKind.Plain;
                }
            }

            tokens[count] = new FieldToken(nameStart, nameLength, valueStart, valueLength, kind, origin);
            keys[count++] = key;
        }

        _count = count;
        return Math.Min(i, to);
    }

    // How a bare value reads by its text alone: absent, plain, or Hex for one that is the kernel's hex when its name may
    // be (the caller decides that; HexKind then drops a stray closing quote). "value" is the value's first byte, with
    // "length" bytes from it in the line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldKind KindByText(ref byte value, byte first, int length) => length switch
    {
        1 => first == (byte)'?' ? FieldKind.Absent : FieldKind.Plain,
        6 when FieldValues.IsAbsentMarker(MemoryMarshal.CreateReadOnlySpan(ref value, 6)) => FieldKind.Absent,
        _ when char.IsAsciiHexDigitUpper((char)first) && ((length & 1) == 0 || Unsafe.Add(ref value, length - 1) == (byte)'"') => FieldKind.Hex,
        _ => FieldKind.Plain,
    };

    // Moves the name ends taken in order (ScanSimpleFields) to "position": the bits of its word from there on.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SeekNameEnds(ReadOnlySpan<ulong> delimiters, int position, int to, ref int wordStart, ref ulong pending)
    {
        var start = position & ~(DelimiterBits.BytesPerWord - 1);
        if (start != wordStart)
        {
            wordStart = start;
            pending = DelimiterBits.WordUpTo(delimiters, DelimiterBits.NameEnds, start, to);
        }

        pending &= ulong.MaxValue << position;
    }

    // A value written without quotes in a user-space message or an interpreted line may hold spaces
    // ("proctitle=ls -l /tmp"): the following words belong to it until one looks like key=value. Returns the new end.
    private readonly int ExtendOverBareWords(int valueEnd, int to)
    {
        var line = _line;
        while (true)
        {
            var j = valueEnd;
            while (j < to && line[j] == (byte)' ')
            {
                j++;
            }

            if (j >= to)
            {
                return valueEnd;
            }

            var wordEnd = j;
            var hasEquals = false;
            while (wordEnd < to && line[wordEnd] != (byte)' ')
            {
                hasEquals |= line[wordEnd] == (byte)'=';
                wordEnd++;
            }

            var word = line[j..wordEnd];
            if (hasEquals || word.SequenceEqual(":"u8) || word[0] == (byte)'(')
            {
                return valueEnd;
            }

            valueEnd = wordEnd;
        }
    }

    // SELinux's result and permissions are body fields, also inside a user-space msg='...' (USER_AVC), but in the
    // ENRICHED part they stay ENRICHED: the mapper's layouts rely on a record's ENRICHED fields coming after all others.
    private int FreeWord(int start, int end, int to, FieldOrigin origin)
    {
        var selinuxOrigin = origin == FieldOrigin.Enriched ? FieldOrigin.Enriched : FieldOrigin.Body;
        var word = _line[start..end];
        if (word.SequenceEqual("old"u8) || word.SequenceEqual("new"u8))
        {
            _pendingOld = word[0] == (byte)'o' ? 1 : 0;
            return end;
        }

        if (word.SequenceEqual("denied"u8) || word.SequenceEqual("granted"u8))
        {
            Add(~SelinuxResult, 0, start, end - start, FieldKind.Plain, selinuxOrigin);
            return end;
        }

        if (word.SequenceEqual("{"u8))
        {
            return Braced(~SelinuxPermissions, 0, start, to, selinuxOrigin);
        }

        return end;
    }

    private int Braced(int nameStart, int nameLength, int open, int to, FieldOrigin origin)
    {
        var line = _line;
        var close = line[(open + 1)..to].IndexOf((byte)'}');
        var end = close < 0 ? to : open + 1 + close;
        var valueStart = open + 1;
        var valueEnd = end;
        while (valueStart < valueEnd && line[valueStart] == (byte)' ')
        {
            valueStart++;
        }

        while (valueEnd > valueStart && line[valueEnd - 1] == (byte)' ')
        {
            valueEnd--;
        }

        Add(nameStart, nameLength, valueStart, valueEnd - valueStart, FieldKind.Braced, origin);
        return Math.Min(end + 1, to);
    }

    private readonly int SkipToken(int i, int to) => DelimiterBits.Next(_delimiters, DelimiterBits.ValueEnds, i, to);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddBare(int nameStart, int nameLength, int valueStart, int valueLength, FieldOrigin origin)
    {
        var key = FieldToken.KeyAt(_line, nameStart, nameLength);
        var kind = BareKind(nameStart, nameLength, key, valueStart, ref valueLength, mayBeHex: !_interpreted && origin != FieldOrigin.Enriched);
        Add(nameStart, nameLength, key, valueStart, valueLength, kind, origin);
    }

    // A bare value is absent, the kernel's hex (one stray closing quote dropped) or plain, by its text and its name.
    private readonly FieldKind BareKind(int nameStart, int nameLength, ulong key, int valueStart, ref int valueLength, bool mayBeHex)
    {
        var value = _line.Slice(valueStart, valueLength);
        if (FieldValues.IsAbsentMarker(value))
        {
            return FieldKind.Absent;
        }

        // The first digit and the length (even, or odd with the stray quote below) sift out most values before the
        // name is looked up.
        return value.Length > 1 && char.IsAsciiHexDigitUpper((char)value[0]) && ((value.Length & 1) == 0 || value[^1] == (byte)'"')
            && mayBeHex && FieldValues.MayBeHexEncoded(_line.Slice(nameStart, nameLength), key, _isExecve)
            ? HexKind(valueStart, ref valueLength)
            : FieldKind.Plain;
    }

    // A bare value of a field the kernel may hex-encode: hex when it is (one stray closing quote dropped), else plain.
    private readonly FieldKind HexKind(int valueStart, ref int valueLength)
    {
        var value = _line.Slice(valueStart, valueLength);
        if (FieldValues.IsUppercaseHex(value))
        {
            return FieldKind.Hex;
        }

        if (value[^1] == (byte)'"' && FieldValues.IsUppercaseHex(value[..^1]))
        {
            // Seen in the wild (go-libaudit's ubuntu17 sample: key=6578...74"): auparse decodes the hex and ignores the stray quote.
            valueLength--;
            return FieldKind.Hex;
        }

        return FieldKind.Plain;
    }

    private void Add(int nameStart, int nameLength, int valueStart, int valueLength, FieldKind kind, FieldOrigin origin) =>
        Add(nameStart, nameLength, nameStart < 0 ? 0 : FieldToken.KeyAt(_line, nameStart, nameLength), valueStart, valueLength, kind, origin);

    // A synthetic name (nameStart < 0) brings its own length and key; a real "auid"/"ses" after the word "old" becomes one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int nameStart, int nameLength, ulong key, int valueStart, int valueLength, FieldKind kind, FieldOrigin origin)
    {
        if (nameStart < 0 || _pendingOld == 1)
        {
            Rename(ref nameStart, ref nameLength, ref key);
        }

        _pendingOld = -1;
        if (_count >= _tokens.Length || _count >= _keys.Length)
        {
            Grow();
        }

        _tokens[_count] = new FieldToken(nameStart, nameLength, valueStart, valueLength, kind, origin);
        _keys[_count++] = key;
    }

    private void Rename(ref int nameStart, ref int nameLength, ref ulong key)
    {
        if (nameStart >= 0 && _pendingOld == 1 && ((key == AuidKey && nameLength == 4) || (key == SesKey && nameLength == 3)))
        {
            nameStart = key == AuidKey ? ~OldAuid : ~OldSes;
        }

        if (nameStart < 0)
        {
            key = SyntheticKeys[~nameStart];
            nameLength = SyntheticNames[~nameStart].Length;
        }
    }

    private void Grow()
    {
        var tokens = new FieldToken[Math.Max(_count * 2, 16)];
        var keys = new ulong[tokens.Length];
        Tokens.CopyTo(tokens);
        Keys.CopyTo(keys);
        _tokens = tokens;
        _keys = keys;
    }
}
