namespace AuditSentinel.Parsing.Records;

/// <summary>Offsets of one key=value pair inside a record's line bytes.</summary>
internal readonly record struct FieldToken(int NameStart, int NameLength, int ValueStart, int ValueLength, FieldKind Kind, FieldOrigin Origin);
