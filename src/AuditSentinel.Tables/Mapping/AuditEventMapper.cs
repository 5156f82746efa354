using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Redaction;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Mapping;

/// <summary>
/// Turns assembled audit events into table rows: one LinuxAuditEvents row per event (its TTY records excluded) and
/// one LinuxTtyInput row per TTY or USER_TTY record, its keystrokes rendered, split into lines and redacted. Every
/// record ends in exactly one row. Thread-safe.
/// </summary>
public sealed class AuditEventMapper
{
    private readonly AuditEventMapperOptions _options;
    private readonly TtyRedactor _redactor;

    /// <summary>Creates a mapper.</summary>
    public AuditEventMapper(AuditEventMapperOptions? options = null)
    {
        _options = options ?? new AuditEventMapperOptions();
        _redactor = new TtyRedactor(_options.TtyRedaction);
    }

    /// <summary>Maps one event.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="sourceName">The unit it came from (file path, blob name, partition/offset), for SourceName.</param>
    /// <param name="events">Receives the LinuxAuditEvents row, unless the event holds only TTY records.</param>
    /// <param name="ttyInput">Receives one LinuxTtyInput row per TTY or USER_TTY record.</param>
    public void Map(AuditEvent auditEvent, string? sourceName, ICollection<AuditEventRow> events, ICollection<TtyInputRow> ttyInput)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(ttyInput);
        var eventId = EventIds.Of(auditEvent.Key);
        var hasOthers = false;
        foreach (var record in auditEvent.RecordSpan)
        {
            if (record.TypeNumber is RecordType.Tty or RecordType.UserTty)
            {
                ttyInput.Add(TtyRowMapper.Map(auditEvent.Key, eventId, record, Terminal(auditEvent), sourceName, _redactor));
            }
            else
            {
                hasOthers = true;
            }
        }

        if (hasOthers)
        {
            events.Add(EventRowMapper.Map(auditEvent, eventId, sourceName, _options.AttackKeys));
        }
    }

    // As aureport --tty does, a keystroke record's terminal is tty= of the SYSCALL record of its event.
    private static string? Terminal(AuditEvent auditEvent) => auditEvent.Find(RecordType.Syscall)?.GetText("tty"u8);
}
