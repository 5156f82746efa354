using System.Globalization;
using System.Text.Json;

namespace AuditSentinel.Cli.Output;

/// <summary>The few top-level properties of a row JSON object a view needs, read with a forward-only reader (no document, no strings for the rest).</summary>
internal readonly struct RowProperties
{
    private readonly Dictionary<string, string> _text;
    private readonly Dictionary<string, int> _arrayLengths;

    private RowProperties(Dictionary<string, string> text, Dictionary<string, int> arrayLengths)
    {
        _text = text;
        _arrayLengths = arrayLengths;
    }

    /// <summary>Reads the named properties: scalars as text (numbers and booleans as written), arrays by length.</summary>
    internal static RowProperties Read(ReadOnlySpan<byte> rowJson, string[] names)
    {
        var text = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(rowJson);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? name = null;
            foreach (var candidate in names)
            {
                if (reader.ValueTextEquals(candidate))
                {
                    name = candidate;
                    break;
                }
            }

            reader.Read();
            if (name is null)
            {
                reader.Skip();
                continue;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    text[name] = reader.GetString()!;
                    break;
                case JsonTokenType.Number:
                    text[name] = reader.GetInt64().ToString(CultureInfo.InvariantCulture);
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    text[name] = reader.TokenType == JsonTokenType.True ? "true" : "false";
                    break;
                case JsonTokenType.StartArray:
                    var count = 0;
                    var depth = reader.CurrentDepth;
                    while (reader.Read() && reader.CurrentDepth > depth)
                    {
                        if (reader.CurrentDepth == depth + 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                        {
                            count++;
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            reader.Skip();
                        }
                    }

                    lengths[name] = count;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new RowProperties(text, lengths);
    }

    internal string? Text(string name) => _text.GetValueOrDefault(name);

    internal int ArrayLength(string name) => _arrayLengths.GetValueOrDefault(name);
}
