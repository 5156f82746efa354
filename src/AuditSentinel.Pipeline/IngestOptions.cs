using AuditSentinel.Parsing.Events;
using AuditSentinel.Tables.Attack;
using AuditSentinel.Tables.Mapping;

namespace AuditSentinel.Pipeline;

/// <summary>Settings of the ingest pipeline, the same for the CLI and the function app.</summary>
public sealed class IngestOptions
{
    /// <summary>Replace keystrokes typed at password prompts by a marker (on by default).</summary>
    public bool RedactTty { get; init; } = true;

    /// <summary>Event assembly limits.</summary>
    public EventAssemblerOptions Assembly { get; init; } = new();

    /// <summary>Optional JSON file that extends or overrides the audit-key to ATT&amp;CK technique map.</summary>
    public string? TechniqueMapPath { get; init; }

    internal AuditEventMapperOptions MapperOptions() => new()
    {
        AttackKeys = TechniqueMapPath is null ? AttackKeyMap.Default : AttackKeyMap.Default.WithOverrides(TechniqueMapPath),
    };
}
