using AuditSentinel.Parsing.Events;

namespace AuditSentinel.Tables.Mapping;

/// <summary>The PartialReason column's codes.</summary>
public static class PartialReasons
{
    /// <summary>A stable kebab-case code, or null for a whole event.</summary>
    public static string? Code(PartialReason reason) => reason switch
    {
        PartialReason.None => null,
        PartialReason.Evicted => "evicted",
        PartialReason.InputBoundary => "input-boundary",
        PartialReason.LateRecord => "late-record",
        PartialReason.MissingStart => "missing-start",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
