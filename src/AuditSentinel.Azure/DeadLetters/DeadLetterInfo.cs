namespace AuditSentinel.Azure.DeadLetters;

/// <summary>
/// Why rows were dead-lettered and where they were going. <see cref="Stream"/> is null for rejected input
/// lines, which are kept for inspection but cannot be replayed.
/// </summary>
/// <param name="RuleId">The DCR immutable id the rows were sent to.</param>
/// <param name="Stream">The DCR stream (Custom-*), or null for rejected input.</param>
/// <param name="Table">The destination table, for people reading the item.</param>
/// <param name="Reason">A short machine-readable reason (e.g. <c>upload-failed</c>, <c>rejected:bad-format</c>).</param>
/// <param name="Error">The error text (for upload failures, the service's error body).</param>
/// <param name="Source">Where the rows came from (blob name, event hub partition/offset, file).</param>
/// <param name="CreatedUtc">When the item was written.</param>
public sealed record DeadLetterInfo(string RuleId, string? Stream, string Table, string Reason, string Error, string Source, DateTimeOffset CreatedUtc);

/// <summary>A dead-letter item read back: its id, what it is, and its rows (JSON objects).</summary>
public sealed record DeadLetterItem(string Id, DeadLetterInfo Info, IReadOnlyList<ReadOnlyMemory<byte>> Rows);
