namespace AuditSentinel.Azure.Ingestion;

/// <summary>A row on its way: the caller's original (reported back on failure) and its JSON object bytes.</summary>
internal readonly record struct PendingRow(object Original, ReadOnlyMemory<byte> Json);
