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
        ArgumentNullException.ThrowIfNull(events);
        if (MapTtyRecords(auditEvent, sourceName, ttyInput, out var eventId))
        {
            var row = new AuditEventRow();
            EventRowMapper.Fill(row, auditEvent, eventId, sourceName, _options.AttackKeys);
            events.Add(row);
        }
    }

    /// <summary>
    /// Maps one event as <see cref="Map"/> does, but fills <paramref name="eventRow"/> (every column of it) instead of
    /// making a new row: for a caller that is done with the row before it maps the next event, as the ingest pipeline
    /// is, so no row object is made per event.
    /// </summary>
    /// <returns>True when <paramref name="eventRow"/> holds the event's LinuxAuditEvents row; false when the event holds only TTY records and the row was left alone.</returns>
    public bool MapInto(AuditEvent auditEvent, string? sourceName, AuditEventRow eventRow, ICollection<TtyInputRow> ttyInput)
    {
        ArgumentNullException.ThrowIfNull(eventRow);
        if (!MapTtyRecords(auditEvent, sourceName, ttyInput, out var eventId))
        {
            return false;
        }

        EventRowMapper.Fill(eventRow, auditEvent, eventId, sourceName, _options.AttackKeys);
        return true;
    }

    // Adds the rows of the event's TTY records; true when it has other records, which make its LinuxAuditEvents row.
    private bool MapTtyRecords(AuditEvent auditEvent, string? sourceName, ICollection<TtyInputRow> ttyInput, out string eventId)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentNullException.ThrowIfNull(ttyInput);
        eventId = EventIds.Of(auditEvent.Key);
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

        return hasOthers;
    }

    // As aureport --tty does, a keystroke record's terminal is tty= of the SYSCALL record of its event.
    private static string? Terminal(AuditEvent auditEvent) => auditEvent.Find(RecordType.Syscall)?.GetText("tty"u8);
}
