namespace AuditSentinel.Parsing.Records;

/// <summary>What the header of a line says: who, what type, when, which event, where the body and its ENRICHED part start.</summary>
/// <param name="Node">The host, or empty.</param>
/// <param name="TypeNumber">The record type number; 0 for an unknown name.</param>
/// <param name="TypeName">The record type name.</param>
/// <param name="Timestamp">The time from <c>audit(...)</c>.</param>
/// <param name="Serial">The serial from <c>audit(...)</c>.</param>
/// <param name="Format">The form the line was written in.</param>
/// <param name="BodyStart">Where the fields start in the line.</param>
/// <param name="SeparatorAt">Where the 0x1D before the ENRICHED fields stands in the line; -1 when there is none.</param>
internal readonly record struct RecordHeader(
    string Node,
    int TypeNumber,
    string TypeName,
    AuditTimestamp Timestamp,
    ulong Serial,
    RecordFormat Format,
    int BodyStart,
    int SeparatorAt);
