using System.Text.Json;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>
/// A rule sample's expect.json: which table the rule reads, the conditions its rows meet, and for threshold rules
/// how many such rows (per <see cref="GroupBy"/> group) make an alert. The format is described in
/// tests/fixtures/rule-samples/README.md.
/// </summary>
internal sealed class SampleExpectation
{
    private static readonly string[] KnownProperties = ["table", "where", "minRows", "groupBy"];

    private SampleExpectation(string table, IReadOnlyList<RowPredicate> where, int minRows, IReadOnlyList<string> groupBy)
    {
        Table = table;
        Where = where;
        MinRows = minRows;
        GroupBy = groupBy;
    }

    public string Table { get; }

    public IReadOnlyList<RowPredicate> Where { get; }

    /// <summary>Rows meeting every condition that make an alert: the positive sample reaches it, the negative stays below.</summary>
    public int MinRows { get; }

    /// <summary>Columns whose values split the rows into groups that are counted apart (per host, per source address).</summary>
    public IReadOnlyList<string> GroupBy { get; }

    public static SampleExpectation Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path}: not a JSON object");
        }

        var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !KnownProperties.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"{path}: unknown properties {string.Join(", ", unknown)}");
        }

        var table = root.TryGetProperty("table", out var t) && t.GetString() is { Length: > 0 } name
            ? name
            : throw new FormatException($"{path}: 'table' is required");
        if (!root.TryGetProperty("where", out var where) || where.ValueKind != JsonValueKind.Array || where.GetArrayLength() == 0)
        {
            throw new FormatException($"{path}: 'where' must be a non-empty array");
        }

        var predicates = where.EnumerateArray().Select((p, i) => RowPredicate.Parse(p, $"{path} where[{i}]")).ToList();
        var minRows = root.TryGetProperty("minRows", out var m) ? m.GetInt32() : 1;
        if (minRows < 1)
        {
            throw new FormatException($"{path}: 'minRows' must be at least 1");
        }

        var groupBy = root.TryGetProperty("groupBy", out var g)
            ? g.EnumerateArray().Select(c => c.GetString() ?? throw new FormatException($"{path}: 'groupBy' holds column names")).ToList()
            : [];
        return new SampleExpectation(table, predicates, minRows, groupBy);
    }

    /// <summary>The rows meeting every condition, counted per group; the largest count decides.</summary>
    public int LargestGroupOfMatches(IEnumerable<JsonElement> rows) =>
        rows.Where(row => Where.All(p => p.Matches(row)))
            .GroupBy(GroupKey, StringComparer.Ordinal)
            .Select(group => group.Count())
            .DefaultIfEmpty(0)
            .Max();

    private string GroupKey(JsonElement row) =>
        string.Join('\u0001', GroupBy.Select(column => row.TryGetProperty(column, out var value) ? value.GetRawText() : ""));
}
