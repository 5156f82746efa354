namespace AuditSentinel.Tables.Normalization;

/// <summary>What kind of event it is and what happened, in the vocabulary of docs/normalization.md.</summary>
/// <param name="Category">The category, e.g. <c>process</c>, <c>authentication</c>, <c>file</c>.</param>
/// <param name="Action">The action, e.g. <c>executed</c>, <c>logged-in</c>, <c>opened-file</c>.</param>
public readonly record struct EventClass(string Category, string Action);
