using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditSentinel.Functions.Blobs;

/// <summary>
/// Why a raw blob was given up on, written as <c>poison/{blob name}.json</c> in the dead-letter container. The blob
/// itself stays in the raw container; its rows, when they could still be read, are dead-letter items that replay
/// delivers once the cause is fixed.
/// </summary>
/// <param name="Blob">The blob name.</param>
/// <param name="Attempts">Attempts started.</param>
/// <param name="Reason">The last failure, or why the last attempt did not finish.</param>
/// <param name="PoisonedUtc">When it was given up on.</param>
/// <param name="SalvagedRows">Rows kept in the dead-letter store by the salvage read.</param>
/// <param name="SalvageError">Why the salvage read failed, or null.</param>
public sealed record PoisonRecord(
    [property: JsonPropertyName("blob")] string Blob,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("poisonedUtc")] DateTimeOffset PoisonedUtc,
    [property: JsonPropertyName("salvagedRows")] long SalvagedRows,
    [property: JsonPropertyName("salvageError")] string? SalvageError)
{
    /// <summary>The folder of poison records in the dead-letter container.</summary>
    public const string Prefix = "poison/";

    /// <summary>The record's name in the dead-letter container.</summary>
    public string Name => Prefix + Blob + ".json";

    /// <summary>The record as UTF-8 JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this);
}
