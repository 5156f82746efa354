namespace AuditSentinel.Floor;

/// <summary>
/// Finds every <c>name=value</c> and <c>name="value"</c> field of each line, the least a parser of audit records must
/// find: no record types, no hex decoding, no interpretation. A user-space message's <c>msg='...'</c> is read as the
/// fields inside it; a word without '=' (<c>old</c>, SELinux's <c>denied</c>, a syslog prefix) is skipped.
/// </summary>
internal static class RecordScanner
{
    /// <summary>
    /// Hands the fields of the first <paramref name="length"/> bytes of <paramref name="block"/> (lines, the last
    /// ending with a line end, and <see cref="LineBlocks.Padding"/> bytes after them) to <paramref name="sink"/>;
    /// <paramref name="maps"/> must be marked over them.
    /// </summary>
    internal static void Scan<TSink>(ReadOnlySpan<byte> block, int length, DelimiterMaps maps, ref TSink sink)
        where TSink : struct, IFieldSink
    {
        var nested = false;
        var nextEscape = -1;
        var at = 0;
        while (at < length)
        {
            var nameEnd = maps.Next(DelimiterMaps.NameEnds, at);
            var end = block[nameEnd];
            if (end != (byte)'=')
            {
                // A blank, a word without '=' (dropped) or the line's end.
                at = nameEnd + 1;
                if (end == (byte)'\n')
                {
                    sink.EndRecord();
                    nested = false;
                }

                continue;
            }

            var valueStart = nameEnd + 1;
            int valueEnd;
            int after;
            var first = block[valueStart];
            if (first == (byte)'"')
            {
                valueStart++;
                valueEnd = maps.Next(DelimiterMaps.QuoteEnds, valueStart);
                // An unclosed quote ends with the line.
                after = block[valueEnd] == (byte)'"' ? valueEnd + 1 : valueEnd;
            }
            else if (first == (byte)'\'' && !nested)
            {
                // The message's own fields follow; its name is not one.
                nested = true;
                at = valueStart + 1;
                continue;
            }
            else
            {
                valueEnd = maps.Next(DelimiterMaps.ValueEnds, valueStart);
                after = valueEnd;
                if (nested && valueEnd > valueStart && block[valueEnd - 1] == (byte)'\'')
                {
                    // The message's closing quote.
                    valueEnd--;
                    nested = false;
                }
            }

            var plain = false;
            if (TSink.WantsEscapes)
            {
                // The next escape is searched again only once passed; an opening quote is no escape of the value's.
                if (nextEscape < at || (nextEscape == valueStart - 1 && first == (byte)'"'))
                {
                    nextEscape = maps.Next(DelimiterMaps.Escapes, at);
                    if (nextEscape == valueStart - 1 && first == (byte)'"')
                    {
                        nextEscape = maps.Next(DelimiterMaps.Escapes, valueStart);
                    }
                }

                plain = nextEscape >= valueEnd;
            }

            sink.Field(block, at, nameEnd, valueStart, valueEnd, plain);
            // Past the blank or line end after the value; anything else after a closing quote starts the next word.
            end = block[after];
            at = end is (byte)' ' or (byte)'\t' or 0x1D or (byte)'\n' ? after + 1 : after;
            if (end == (byte)'\n')
            {
                sink.EndRecord();
                nested = false;
            }
        }
    }
}
