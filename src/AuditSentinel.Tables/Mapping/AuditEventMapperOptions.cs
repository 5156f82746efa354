using AuditSentinel.Tables.Attack;
using AuditSentinel.Tables.Redaction;

namespace AuditSentinel.Tables.Mapping;

/// <summary>Settings of <see cref="AuditEventMapper"/>.</summary>
public sealed class AuditEventMapperOptions
{
    /// <summary>The audit-key to ATT&amp;CK map; <see cref="AttackKeyMap.Default"/> unless replaced.</summary>
    public AttackKeyMap AttackKeys { get; init; } = AttackKeyMap.Default;

    /// <summary>How keystrokes typed at password prompts are kept out of TTY rows; redaction is on by default.</summary>
    public TtyRedactionOptions TtyRedaction { get; init; } = new();
}
