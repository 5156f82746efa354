namespace AuditSentinel.Floor;

/// <summary>How much of the floor's work a run does.</summary>
internal enum FloorVariant
{
    /// <summary>Every record as a JSON object line, escaped: the floor.</summary>
    Json,

    /// <summary>As <see cref="Json"/>, with no search for bytes to escape (wrong JSON for such bytes).</summary>
    UnescapedJson,

    /// <summary>The fields found and counted, nothing written.</summary>
    NoOutput,

    /// <summary>As <see cref="Json"/>, with each event's SHA-256 id.</summary>
    JsonWithEventIds,
}
