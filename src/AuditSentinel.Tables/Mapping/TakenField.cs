namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// Where a field an <see cref="EventFields"/> took stands: its record's index in the event and its own index in the
/// record; <see cref="Nothing"/> when there was none to take. Two numbers, handed back in a register, where an
/// AuditField (a record and a token) is copied through memory, with a write barrier into an out parameter.
/// </summary>
/// <param name="Record">The record's index in the event.</param>
/// <param name="Field">The field's index in the record.</param>
internal readonly record struct TakenField(int Record, int Field)
{
    /// <summary>No field.</summary>
    internal static TakenField Nothing => new(FieldLayout.None, FieldLayout.None);

    /// <summary>True when a field was taken.</summary>
    internal bool Found => Record != FieldLayout.None;
}
