using System.Text.RegularExpressions;

namespace AuditSentinel.Content.Documents;

/// <summary>
/// The labelled sections of an analytic rule's description: <c>Needs:</c> (what auditd, PAM or pam_tty_audit must
/// record for the rule to see anything) and <c>Tuning:</c> (what to change when it is noisy). Each runs to the next
/// label (<c>Needs:</c>, <c>Tuning:</c>, <c>Limits:</c>) or the end. The catalogue prints them, so an analyst
/// deploying a rule reads its prerequisites and knobs in one place.
/// </summary>
public static partial class DescriptionSections
{
    /// <summary>The text of the <c>Needs:</c> section of <paramref name="description"/>, or null when it has none.</summary>
    public static string? Needs(string? description) => Section(description, "Needs");

    /// <summary>The text of the <c>Tuning:</c> section of <paramref name="description"/>, or null when it has none.</summary>
    public static string? Tuning(string? description) => Section(description, "Tuning");

    /// <summary><paramref name="text"/> with every run of white space (line breaks included) made one space, trimmed.</summary>
    public static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Section(string? description, string label)
    {
        var match = Sections().Matches(description ?? "").FirstOrDefault(m => m.Groups["label"].Value == label);
        if (match is null)
        {
            return null;
        }

        var text = OneLine(match.Groups["text"].Value);
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"\b(?<label>Needs|Tuning|Limits):(?<text>.*?)(?=\b(?:Needs|Tuning|Limits):|\z)", RegexOptions.ExplicitCapture | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Sections();
}
