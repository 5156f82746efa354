namespace AuditSentinel.Parsing.Records;

/// <summary>
/// The names, in order, that the last record of one type began a part (its body or its ENRICHED part) with. The kernel
/// and auditd write a type's fields in the same order line after line, so the tokenizer checks each planned name where
/// it expects it, with one masked 8-byte compare, instead of searching for the name's end and looking the name up to
/// learn whether its value may be hex (<see cref="FieldTokenizer.ScanPlannedFields"/>). A line whose names differ
/// teaches the plan its own; the names it had before are kept as a second shape, because some types alternate between
/// two (a PATH record of an existing file has inode=...rdev= where one of a missing file goes on with nametype=).
/// </summary>
internal sealed class FieldNamePlan
{
    /// <summary>The most names planned: more than a SYSCALL record's 26 body fields.</summary>
    internal const int MaxNames = 32;

    private PlannedName[] _names = new PlannedName[MaxNames];
    private PlannedName[] _otherNames = new PlannedName[MaxNames];
    private int _count;
    private int _otherCount;

    // How many leading names the two shapes share: where they part, the other shape may read on.
    private int _shared;

    /// <summary>The planned names, in line order.</summary>
    internal ReadOnlySpan<PlannedName> Names => _names.AsSpan(0, _count);

    /// <summary>Forgets every name (the slot now plans another record type).</summary>
    internal void Clear() => _count = _otherCount = _shared = 0;

    /// <summary>
    /// Makes the other shape the plan when a line read <paramref name="matched"/> names, exactly those the two shapes
    /// share, and the other shape has more: the reader then goes on with <see cref="Names"/> from there.
    /// </summary>
    internal bool TrySwitchAt(int matched)
    {
        if (matched != _shared || _otherCount <= matched)
        {
            return false;
        }

        SwapShapes();
        return true;
    }

    /// <summary>
    /// Learns the names of <paramref name="tokens"/> (a part's tokens, <paramref name="matched"/> of them read by the plan)
    /// when they differ from the plan or go on past it; a part that ends before the plan does keeps it.
    /// </summary>
    /// <param name="matched">How many leading tokens the plan read.</param>
    /// <param name="line">The line the tokens point into.</param>
    /// <param name="tokens">The part's tokens, from its first.</param>
    /// <param name="keys">Their name keys.</param>
    /// <param name="origin">The part: <see cref="FieldOrigin.Body"/> or <see cref="FieldOrigin.Enriched"/>.</param>
    /// <param name="isExecve">True for an EXECVE record, whose argument values may be hex.</param>
    internal void LearnIfDiffers(int matched, ReadOnlySpan<byte> line, ReadOnlySpan<FieldToken> tokens, ReadOnlySpan<ulong> keys, FieldOrigin origin, bool isExecve)
    {
        var names = Names;
        for (var k = matched; k < tokens.Length && IsPlannable(tokens[k], keys[k], origin); k++)
        {
            if (k >= names.Length || names[k].Key != keys[k] || names[k].Length != tokens[k].NameLength)
            {
                Learn(line, tokens, keys, origin, isExecve);
                return;
            }
        }
    }

    // The plan reads names of 1 to 8 bytes that stand in the line, in the part's own origin (the fields of a nested
    // msg='...' end a body's plan), with the values the fast loop reads (not braced ones). A name that starts with '('
    // (after a first '(' the general loop stepped over) is left to that loop, which reads the rest of such a group.
    private static bool IsPlannable(in FieldToken token, ulong key, FieldOrigin origin) =>
        token.Origin == origin && token.NameStart >= 0 && token.NameLength is >= 1 and <= sizeof(ulong) && token.Kind != FieldKind.Braced
        && (byte)key != (byte)'(';

    private void Learn(ReadOnlySpan<byte> line, ReadOnlySpan<FieldToken> tokens, ReadOnlySpan<ulong> keys, FieldOrigin origin, bool isExecve)
    {
        // The names had so far become the other shape; the line's are learned in the other's room.
        SwapShapes();
        var count = 0;
        while (count < tokens.Length && count < MaxNames && IsPlannable(tokens[count], keys[count], origin))
        {
            var token = tokens[count];
            var key = keys[count];
            var mayBeHex = origin != FieldOrigin.Enriched && FieldValues.MayBeHexEncoded(line.Slice(token.NameStart, token.NameLength), key, isExecve);
            _names[count] = PlannedName.Of(key, token.NameLength, mayBeHex);
            count++;
        }

        _count = count;
        var shared = 0;
        while (shared < _count && shared < _otherCount && _names[shared] == _otherNames[shared])
        {
            shared++;
        }

        _shared = shared;
    }

    private void SwapShapes()
    {
        (_names, _otherNames) = (_otherNames, _names);
        (_count, _otherCount) = (_otherCount, _count);
    }
}
