namespace AuditSentinel.Deployment.Tests;

/// <summary>Reads declarations out of Bicep source text (enough structure for contract checks, not a compiler).</summary>
internal static class BicepText
{
    /// <summary>
    /// The text of the declaration that starts with <paramref name="header"/> (e.g. "module rawContainerRoles"),
    /// up to the brace or bracket that closes its body. Quoted strings are skipped when matching.
    /// </summary>
    public static string Declaration(string source, string header)
    {
        var start = source.IndexOf(header + " ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no declaration '{header}'");
        var open = source.IndexOfAny(['{', '['], start);
        var depth = 0;
        var inString = false;
        for (var i = open; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\'')
            {
                inString = !inString;
            }
            else if (!inString && (c == '{' || c == '['))
            {
                depth++;
            }
            else if (!inString && (c == '}' || c == ']') && --depth == 0)
            {
                return source[start..(i + 1)];
            }
        }

        throw new InvalidOperationException($"declaration '{header}' is not closed");
    }

    /// <summary>Collapses every run of whitespace to one space, so layout does not matter to a comparison.</summary>
    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
