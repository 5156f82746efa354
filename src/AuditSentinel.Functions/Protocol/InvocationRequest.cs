using System.Text.Json;

namespace AuditSentinel.Functions.Protocol;

/// <summary>
/// The body the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger:
/// <c>{"Data":{binding:value},"Metadata":{name:value}}</c> (azure-functions-host, ScriptInvocationContextExtensions.
/// ToHttpScriptInvocationContext). The host serializes with Json.NET: a value that is a JSON object arrives as an
/// object, but arrays and strings are first turned into JSON text, so they arrive as a string holding JSON.
/// <see cref="Data"/> and <see cref="Metadata"/> undo that.
/// </summary>
public sealed class InvocationRequest
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private InvocationRequest(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    /// <summary>Parses an invocation body.</summary>
    /// <exception cref="InvalidInvocationException">The body is not an invocation.</exception>
    public static InvocationRequest Parse(ReadOnlyMemory<byte> body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidInvocationException("The invocation body is not JSON: " + e.Message, e);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException("The invocation body has no Data object.");
        }

        var metadata = root.TryGetProperty("Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new InvocationRequest(data, metadata);
    }

    /// <summary>The input binding <paramref name="name"/>, decoded to <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidInvocationException">The binding is missing or of another kind.</exception>
    public JsonElement Data(string name, JsonValueKind kind) =>
        _data.TryGetProperty(name, out var value)
            ? Decode(value, kind, "Data." + name)
            : throw new InvalidInvocationException($"The invocation has no Data.{name} (the binding name in function.json).");

    /// <summary>The trigger metadata <paramref name="name"/>, decoded to <paramref name="kind"/>, or null when absent.</summary>
    /// <exception cref="InvalidInvocationException">The metadata is present but of another kind.</exception>
    public JsonElement? Metadata(string name, JsonValueKind kind) =>
        _metadata.ValueKind == JsonValueKind.Object && _metadata.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? Decode(value, kind, "Metadata." + name)
            : null;

    private static JsonElement Decode(JsonElement value, JsonValueKind kind, string what)
    {
        // At most two string layers: Json.NET's text of the value, and a value that was text before that.
        for (var layer = 0; layer < 3 && value.ValueKind != kind && value.ValueKind == JsonValueKind.String; layer++)
        {
            try
            {
                using var inner = JsonDocument.Parse(value.GetString()!);
                value = inner.RootElement.Clone();
            }
            catch (JsonException)
            {
                break;
            }
        }

        return value.ValueKind == kind
            ? value
            : throw new InvalidInvocationException($"{what} should be a JSON {kind.ToString().ToLowerInvariant()}, but is a {value.ValueKind.ToString().ToLowerInvariant()}.");
    }
}
