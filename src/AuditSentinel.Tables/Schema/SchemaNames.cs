namespace AuditSentinel.Tables.Schema;

/// <summary>The naming rule Log Analytics applies to custom tables and columns.</summary>
public static class SchemaNames
{
    /// <summary>The longest name a column may have.</summary>
    public const int MaxLength = 45;

    /// <summary>True when <paramref name="name"/> is 1 to 45 ASCII letters, digits or underscores and starts with a letter.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when <paramref name="name"/> breaks the rule.</summary>
    public static void Validate(string name, string what)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"The {what} name '{name}' must be 1 to {MaxLength} letters, digits or underscores, starting with a letter.", nameof(name));
        }
    }
}
