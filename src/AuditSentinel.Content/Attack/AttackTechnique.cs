namespace AuditSentinel.Content.Attack;

/// <summary>An ATT&amp;CK Enterprise technique or sub-technique: its id, name and the tactics it serves (Sentinel spelling).</summary>
public sealed record AttackTechnique(string Id, string Name, IReadOnlyList<string> Tactics)
{
    /// <summary>The parent technique id (<c>T1548</c> for <c>T1548.003</c>; the id itself for a technique).</summary>
    public string ParentId => Id.Length > 5 ? Id[..5] : Id;

    /// <summary>True for a sub-technique (<c>T1234.567</c>).</summary>
    public bool IsSubTechnique => Id.Length > 5;
}
