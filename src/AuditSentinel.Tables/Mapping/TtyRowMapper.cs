using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Parsing.Tty;
using AuditSentinel.Tables.Redaction;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Mapping;

/// <summary>Builds the LinuxTtyInput row of one TTY or USER_TTY record.</summary>
internal static class TtyRowMapper
{
    internal static TtyInputRow Map(EventKey key, string eventId, AuditRecord record, string? terminal, string? sourceName, TtyRedactor redactor)
    {
        using var fields = EventFields.Rent(record);
        var row = new TtyInputRow
        {
            EventTime = key.Timestamp.ToDateTimeOffset(),
            Computer = key.Node.Length == 0 ? null : key.Node,
            Serial = (long)key.Serial,
            EventId = eventId,
            RecordType = record.TypeName,
            Session = fields.TryTake(MappedName.Ses, out var ses) ? FieldNumbers.Id(ses) : null,
            Auid = fields.TryTake(MappedName.Auid, out var auid) ? FieldNumbers.Id(auid) : null,
            AuditUser = fields.TryTake(record, MappedName.EnrichedAuid, out var auditUser) ? FieldNumbers.Name(auditUser) : null,
            Uid = fields.TryTake(MappedName.Uid, out var uid) ? FieldNumbers.Id(uid) : null,
            User = fields.TryTake(record, MappedName.EnrichedUid, out var user) ? FieldNumbers.Name(user) : null,
            Pid = fields.TryTake(MappedName.Pid, out var pid) ? FieldNumbers.Int32(pid) : null,
            Tty = terminal,
            Comm = fields.Text(MappedName.Comm),
            SourceName = sourceName,
            ParserVersion = ParserVersion.Current,
        };
        if (TtyTranscript.TryCreate(record, out var transcript))
        {
            var redaction = redactor.Redact(row.Comm, transcript);
            row.Input = redaction.Input;
            row.Lines = Lists.Project(redaction.Lines, static l => l.Text);
            row.Redacted = redaction.Redacted;
            row.RedactionReason = redaction.Reason;
        }

        return row;
    }
}
