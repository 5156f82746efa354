namespace AuditSentinel.Parsing.Records;

/// <summary>What the header of a line says: who, what type, when, which event.</summary>
internal readonly record struct RecordHeader(
    string Node,
    int TypeNumber,
    string TypeName,
    AuditTimestamp Timestamp,
    ulong Serial,
    RecordFormat Format,
    int BodyStart);
