namespace AuditSentinel.Tables.Attack;

/// <summary>The shape of ATT&amp;CK technique ids: <c>T</c>, four digits, optionally <c>.</c> and three digits.</summary>
internal static class TechniqueIds
{
    /// <summary>The length of the technique id <paramref name="text"/> starts with (5 or 9), or 0; the id must end there or be followed by something other than a letter or digit.</summary>
    internal static int PrefixLength(string text)
    {
        if (text.Length < 5 || text[0] != 'T' || !AllDigits(text, 1, 4))
        {
            return 0;
        }

        var length = text.Length >= 9 && text[5] == '.' && AllDigits(text, 6, 3) ? 9 : 5;
        return length == text.Length || !char.IsAsciiLetterOrDigit(text[length]) ? length : 0;
    }

    private static bool AllDigits(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
