using System.Collections.Frozen;
using AuditSentinel.Tables.Normalization;

namespace AuditSentinel.Content.Validation;

/// <summary>
/// Checks the literals a query compares our normalized columns with (<c>Action == 'failed-login'</c>,
/// <c>Category in ('file', ...)</c>, <c>RecordType</c>, <c>Syscall</c>, <c>Result</c>) against the vocabulary the
/// mapper writes (docs/normalization.md). A misspelt value is valid KQL that silently never matches.
/// </summary>
public static class VocabularyLiteralCheck
{
    // EventClassifier turns a failed logged-in/authenticated into these two; they are not vocabulary entries.
    private static readonly string[] FailureActions = ["failed-login", "failed-authentication"];

    /// <summary>The values each checked column can hold.</summary>
    public static FrozenDictionary<string, FrozenSet<string>> KnownValues { get; } = new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal)
    {
        ["Category"] = Classes().Select(c => c.Category),
        ["Action"] = [.. Classes().Select(c => c.Action), .. FailureActions],
        ["Result"] = ["success", "failure", "unknown"],
        // SYSCALL is the primary record of every syscall event; the vocabulary classifies those by syscall instead.
        ["RecordType"] = [.. Vocabulary.RecordTypes.Keys, "SYSCALL"],
        ["Syscall"] = Vocabulary.Syscalls.Keys,
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly FrozenSet<string> Columns = KnownValues.Keys.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adds a problem for every literal <paramref name="query"/> compares a checked column with that the column never holds.</summary>
    public static void Validate(string file, string? query, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var (column, literal) in ColumnLiterals.Of(query, Columns).Where(c => !KnownValues[c.Column].Contains(c.Literal)))
        {
            problems.Add(new ContentProblem(file, $"{column} is compared with '{literal}', a value it never holds (docs/normalization.md)"));
        }
    }

    private static IEnumerable<EventClass> Classes() =>
        [.. Vocabulary.RecordTypes.Values, .. Vocabulary.Syscalls.Values, .. Vocabulary.Keys.Values, Vocabulary.Unclassified, Vocabulary.OtherSyscall];
}
