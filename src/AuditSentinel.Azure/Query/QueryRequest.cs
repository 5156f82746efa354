namespace AuditSentinel.Azure.Query;

/// <summary>The body of a workspace query call: the KQL and its ISO 8601 time span.</summary>
internal sealed record QueryRequest(string Query, string Timespan);
