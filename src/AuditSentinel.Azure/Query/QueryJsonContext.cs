using System.Text.Json.Serialization;

namespace AuditSentinel.Azure.Query;

/// <summary>Source-generated JSON for the query call: no reflection, so the CLI can be trimmed and compiled ahead of time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(QueryRequest))]
internal sealed partial class QueryJsonContext : JsonSerializerContext;
