using System.Text.Json;

namespace AuditSentinel.Functions.Protocol;

/// <summary>Reads the optional string properties of the host's and the services' JSON payloads.</summary>
internal static class JsonProperties
{
    /// <summary>The string value of <paramref name="name"/>, or null when it is missing or not a string.</summary>
    internal static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
