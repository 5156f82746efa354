using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuditSentinel.Content.Tests.RuleSamples;

/// <summary>
/// One condition of a rule sample's expect.json on one column of a row, with KQL's defaults: <c>equals</c> and
/// <c>in</c> compare exactly (<c>==</c>, <c>in</c>), <c>contains</c>, <c>startswith</c> and <c>endswith</c> ignore
/// case, <c>matches</c> is a regular expression, <c>notempty</c> needs a value, <c>any</c> holds when an element of
/// an array column (or a property value of an object element, such as a Paths entry) passes
/// <see cref="ElementOp"/> (default <c>equals</c>). A dotted column (<c>Fields.audit_enabled</c>) reads a property
/// of a dynamic column. Scalar ops on a dynamic column see its JSON text, as <c>tostring()</c> does in KQL.
/// <c>"not": true</c> turns a condition into the exclusion the query makes (<c>!in</c>, <c>!endswith</c>, ...); a
/// missing column passes an exclusion, as an empty string does in KQL.
/// </summary>
internal sealed class RowPredicate
{
    private static readonly string[] ScalarOps = ["equals", "in", "contains", "startswith", "endswith", "matches"];
    private static readonly string[] AllOps = [.. ScalarOps, "notempty", "any"];

    private RowPredicate(string column, string op, IReadOnlyList<string> values, string elementOp, bool negated)
    {
        Column = column;
        Op = op;
        Values = values;
        ElementOp = elementOp;
        Negated = negated;
    }

    public string Column { get; }

    public string Op { get; }

    /// <summary>The value(s) compared with: one for most ops, the list for <c>in</c> and a list for <c>any</c>.</summary>
    public IReadOnlyList<string> Values { get; }

    public string ElementOp { get; }

    /// <summary>True for an exclusion: the row passes when the op does not hold.</summary>
    public bool Negated { get; }

    public static RowPredicate Parse(JsonElement json, string context)
    {
        var column = RequiredString(json, "column", context);
        var op = RequiredString(json, "op", context);
        if (!AllOps.Contains(op, StringComparer.Ordinal))
        {
            throw new FormatException($"{context}: unknown op '{op}' (known: {string.Join(", ", AllOps)})");
        }

        var elementOp = json.TryGetProperty("elementOp", out var element) ? element.GetString() ?? "" : "equals";
        if (op == "any" ? !ScalarOps.Contains(elementOp, StringComparer.Ordinal) || elementOp == "in" : json.TryGetProperty("elementOp", out _))
        {
            throw new FormatException($"{context}: elementOp '{elementOp}' is only for op 'any' and must be one of equals, contains, startswith, endswith, matches");
        }

        var negated = json.TryGetProperty("not", out var not) && (not.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? not.GetBoolean()
            : throw new FormatException($"{context}: 'not' must be true or false"));
        var values = op == "notempty" ? [] : ReadValues(json, op, context);
        return new RowPredicate(column, op, values, elementOp, negated);
    }

    public bool Matches(JsonElement row) => Holds(row) != Negated;

    public override string ToString() => $"{Column} {(Negated ? "not " : "")}{Op}{(ElementOp == "equals" ? "" : "/" + ElementOp)} [{string.Join(", ", Values)}]";

    private bool Holds(JsonElement row)
    {
        if (!TryRead(row, out var value))
        {
            return false;
        }

        return Op switch
        {
            "notempty" => IsNotEmpty(value),
            "any" => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().SelectMany(ElementTexts).Any(text => Values.Any(v => Compare(ElementOp, text, v))),
            _ => Text(value) is { } text && (Op == "in" ? Values.Any(v => Compare("equals", text, v)) : Compare(Op, text, Values[0])),
        };
    }

    private bool TryRead(JsonElement row, out JsonElement value)
    {
        value = row;
        foreach (var name in Column.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
            {
                return false;
            }
        }

        return value.ValueKind != JsonValueKind.Null;
    }

    private static bool Compare(string op, string text, string value) => op switch
    {
        "equals" => string.Equals(text, value, StringComparison.Ordinal),
        "contains" => text.Contains(value, StringComparison.OrdinalIgnoreCase),
        "startswith" => text.StartsWith(value, StringComparison.OrdinalIgnoreCase),
        "endswith" => text.EndsWith(value, StringComparison.OrdinalIgnoreCase),
        "matches" => Regex.IsMatch(text, value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        _ => throw new InvalidOperationException("not a scalar op: " + op),
    };

    private static bool IsNotEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };

    private static IEnumerable<string> ElementTexts(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Select(p => Text(p.Value)).OfType<string>()
            : Text(element) is { } text ? [text] : [];

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string RequiredString(JsonElement json, string name, string context) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{context}: '{name}' must be a non-empty string");

    private static string[] ReadValues(JsonElement json, string op, string context)
    {
        if (!json.TryGetProperty("value", out var value))
        {
            throw new FormatException($"{context}: op '{op}' needs a 'value'");
        }

        var list = value.ValueKind == JsonValueKind.Array;
        if (op == "in" && !list)
        {
            throw new FormatException($"{context}: op 'in' needs an array 'value'");
        }

        if (list && op is not ("in" or "any"))
        {
            throw new FormatException($"{context}: op '{op}' takes one value, not an array");
        }

        var values = (list ? value.EnumerateArray().ToArray() : [value])
            .Select(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Number ? Text(v)! : throw new FormatException($"{context}: values must be strings or numbers"))
            .ToArray();
        return values.Length > 0 && values.All(v => v.Length > 0)
            ? values
            : throw new FormatException($"{context}: 'value' must not be empty");
    }
}
