using AuditSentinel.Tables.Attack;

namespace AuditSentinel.Tables.Mapping;

/// <summary>Settings of <see cref="AuditEventMapper"/>.</summary>
public sealed class AuditEventMapperOptions
{
    /// <summary>The audit-key to ATT&amp;CK map; <see cref="AttackKeyMap.Default"/> unless replaced.</summary>
    public AttackKeyMap AttackKeys { get; init; } = AttackKeyMap.Default;
}
