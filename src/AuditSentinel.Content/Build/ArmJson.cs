using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuditSentinel.Content.Build;

/// <summary>Deterministic JSON text for the generated files: 2-space indentation, <c>\n</c> line ends, a final newline, KQL left readable.</summary>
internal static class ArmJson
{
    // The files are read by Bicep and people, never embedded in HTML: relaxed escaping keeps ' < > & in queries as they are.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Render(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Options) + "\n");

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>An <c>{ "id": ..., "properties": {...} }</c> item, the shape the Bicep modules loop over.</summary>
    public static JsonObject Item(string id, JsonObject properties) => new() { ["id"] = id, ["properties"] = properties };
}
