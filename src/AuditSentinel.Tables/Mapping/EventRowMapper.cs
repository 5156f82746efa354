using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Attack;
using AuditSentinel.Tables.Normalization;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Mapping;

/// <summary>Builds the LinuxAuditEvents row of one event's non-TTY records.</summary>
internal static class EventRowMapper
{
    // The name types an object path is chosen by (as keys of their words), most preferred first; PARENT last, never
    // preferred.
    private static readonly ulong[] NameTypeKeys = [FieldToken.KeyOf("CREATE"u8), FieldToken.KeyOf("NORMAL"u8), FieldToken.KeyOf("DELETE"u8), FieldToken.KeyOf("PARENT"u8)];
    private const int NameTypeLength = 6;

    // The rank of a path of a name type not preferred (or of none), and of the PARENT directory, never chosen but by
    // the last rule.
    private const int OtherRank = 3;
    private const int ParentRank = 4;

    // The PATH fields the object path is chosen by, as name keys and lengths.
    private static readonly (ulong Key, int Length) PathName = (FieldToken.KeyOf("name"u8), 4);
    private static readonly (ulong Key, int Length) PathNameType = (FieldToken.KeyOf("nametype"u8), 8);

    /// <summary>
    /// Fills <paramref name="row"/> (every column, so a row filled before holds nothing of its earlier event) from the
    /// event's records other than TTY and USER_TTY; the event must have at least one.
    /// </summary>
    internal static void Fill(AuditEventRow row, AuditEvent auditEvent, string eventId, string? sourceName, AttackKeyMap attackKeys)
    {
        using var fields = EventFields.RentEvent(auditEvent.RecordSpan);
        var records = fields.Records;
        var syscallRecord = Find(records, RecordType.Syscall);
        var primary = syscallRecord ?? PrimaryWithoutSyscall(records);
        fields.Primary = primary;
        var (keys, techniques) = Keys(fields, attackKeys);
        var rawArch = syscallRecord is null ? null : Interpreted.RawArch(fields, syscallRecord);
        var syscall = syscallRecord is null ? null : Interpreted.Syscall(fields, syscallRecord, rawArch);
        var (eventClass, decidedBy) = EventClassifier.Classify(records, syscall, keys);
        var result = EventClassifier.Result(decidedBy, syscallRecord, records);
        eventClass = EventClassifier.WithOutcome(eventClass, result);
        TakeOutcome(fields, decidedBy, syscallRecord);
        row.EventTime = auditEvent.Key.Timestamp.ToDateTimeOffset();
        row.Computer = NullIfEmpty(auditEvent.Key.Node);
        row.Serial = (long)auditEvent.Key.Serial;
        row.EventId = eventId;
        row.RecordType = primary.TypeName;
        row.RecordTypes = RecordTypeLists.Of(records);
        row.RecordCount = records.Length;
        row.Category = eventClass.Category;
        row.Action = eventClass.Action;
        row.Result = result;
        row.Syscall = syscall;
        row.Arch = syscallRecord is null ? null : Interpreted.Arch(fields, syscallRecord, rawArch);
        row.Keys = keys;
        row.Key = keys?[0];
        row.Techniques = techniques;
        row.Partial = auditEvent.IsPartial;
        row.PartialReason = PartialReasons.Code(auditEvent.Partial);
        row.SourceName = sourceName;
        row.ParserVersion = ParserVersion.Current;
        MapProcess(fields, row);
        MapUserSpace(fields, row);
        MapObjects(fields, row);
        row.Fields = fields.Remaining();
    }

    // The Result column holds what success= and res= said.
    private static void TakeOutcome(EventFields fields, AuditRecord? decidedBy, AuditRecord? syscallRecord)
    {
        if (syscallRecord is not null)
        {
            fields.TryTake(syscallRecord, MappedName.Success, out _);
        }

        if (decidedBy is null || !fields.TryTake(decidedBy, MappedName.Res, out _))
        {
            fields.TryTake(MappedName.Res, out _);
        }
    }

    private static void MapProcess(EventFields fields, AuditEventRow row)
    {
        row.Exit = fields.Number(fields.Take(MappedName.Exit));
        row.Pid = fields.Int32(fields.Take(MappedName.Pid));
        row.Ppid = fields.Int32(fields.Take(MappedName.Ppid));
        (row.Auid, row.AuditUser) = IdAndName(fields, MappedName.Auid, MappedName.EnrichedAuid);
        row.Session = fields.Id(fields.Take(MappedName.Ses));
        (row.Uid, row.User) = IdAndName(fields, MappedName.Uid, MappedName.EnrichedUid);
        (row.Euid, row.EffectiveUser) = IdAndName(fields, MappedName.Euid, MappedName.EnrichedEuid);
        row.Gid = fields.Id(fields.Take(MappedName.Gid));
        row.Tty = fields.Text(MappedName.Tty);
        row.Comm = fields.Text(MappedName.Comm);
        row.Exe = fields.Text(MappedName.Exe);
        // The CWD record's, else a user-space record's cwd= (USER_CMD).
        row.Cwd = Find(fields.Records, RecordType.Cwd) is { } cwd && fields.TryTake(cwd, MappedName.Cwd, out var cwdField) ? ColumnTexts.Of(cwdField) : fields.Text(MappedName.Cwd);

        (row.Argv, row.CommandLine) = Interpreted.Execve(fields);
        // USER_CMD (sudo) logs the command it runs as cmd=.
        row.CommandLine ??= fields.Text(MappedName.Cmd);
        row.ProcTitle = Find(fields.Records, RecordType.ProcTitle) is { } proctitle ? Interpreted.ProcTitle(fields, proctitle) : null;
    }

    private static void MapUserSpace(EventFields fields, AuditEventRow row)
    {
        row.Account = fields.Text(MappedName.Acct) ?? AccountFromId(fields);
        row.Operation = fields.Text(MappedName.Op);
        row.Terminal = fields.Text(MappedName.Terminal);
        row.Hostname = fields.Text(MappedName.Hostname);
        row.SourceAddress = fields.Text(MappedName.Addr);
    }

    // A successful USER_LOGIN names the account by uid (id=1003); ENRICHED ID= holds its name.
    private static string? AccountFromId(EventFields fields) =>
        fields.Name(fields.TakeBeside(fields.Take(MappedName.Id), MappedName.EnrichedId));

    private static void MapObjects(EventFields fields, AuditEventRow row)
    {
        var records = fields.Records;
        var count = 0;
        foreach (var record in records)
        {
            count += record.TypeNumber == RecordType.Path ? 1 : 0;
        }

        var paths = count == 0 ? null : new FieldMap[count];
        count = 0;
        foreach (var record in records)
        {
            if (record.TypeNumber == RecordType.Path)
            {
                paths![count++] = fields.AllFields(record);
                fields.TakeAll(record);
            }
        }

        row.Paths = paths;
        row.FilePath = paths is null ? null : ObjectPath(records);
        (row.SocketFamily, row.RemoteAddress, row.RemotePort) = Find(fields.Records, RecordType.SockAddr) is { } sockaddr ? Interpreted.Socket(fields, sockaddr) : default;
    }

    // The rule key that made the kernel record the event is on SYSCALL; a CONFIG_CHANGE's key= names the rule being
    // changed, not why this event was recorded, so it stays in Fields. Nearly every event has one key field, whose
    // columns RuleKeys holds; the keys of several are collected in order, each once.
    private static (string[]? Keys, string[]? Techniques) Keys(EventFields fields, AttackKeyMap attackKeys)
    {
        AuditField single = default;
        var found = 0;
        string[]? keys = null;
        foreach (var record in fields.Records)
        {
            if (record.TypeNumber == RecordType.Syscall && fields.TryTake(record, MappedName.Key, out var key) && key.Kind != FieldKind.Absent)
            {
                if (++found == 1)
                {
                    single = key;
                    continue;
                }

                if (found == 2)
                {
                    keys = RuleKeys.Add(ColumnTexts.Of(single)!, null);
                }

                keys = RuleKeys.Add(ColumnTexts.Of(key)!, keys);
            }
        }

        return found switch
        {
            0 => default,
            1 => RuleKeys.Of(single, attackKeys),
            _ => (keys, RuleKeys.Techniques(attackKeys, keys)),
        };
    }

    // The name of the path an event is about: the first path of the most preferred name type (CREATE, NORMAL, DELETE)
    // that has a name, else the first that has one and is not the PARENT directory, else the first path's. Each path's
    // name type is read once, from the PATH record's fields as its map of all fields holds them (the first with a
    // value), and the name is a column text: a path seen before is not decoded into a new string again.
    private static string? ObjectPath(ReadOnlySpan<AuditRecord> records)
    {
        string? chosen = null;
        string? firstName = null;
        var chosenRank = ParentRank;
        var paths = 0;
        foreach (var record in records)
        {
            if (record.TypeNumber != RecordType.Path)
            {
                continue;
            }

            var (nameField, nameTypeField) = NameFields(record);
            var name = nameField == FieldLayout.None ? null : ColumnTexts.Of(record[nameField]);
            if (paths++ == 0)
            {
                firstName = name;
            }

            if (name is null)
            {
                continue;
            }

            var rank = nameTypeField == FieldLayout.None ? OtherRank : Rank(record[nameTypeField]);
            if (rank < chosenRank)
            {
                (chosen, chosenRank) = (name, rank);
            }
        }

        return chosen ?? firstName;
    }

    // The rank of a name type: its place among the preferred ones (CREATE, NORMAL, DELETE), else OtherRank, and
    // ParentRank for PARENT. The four are words of six letters, told apart by their keys (the word as one number). The
    // kernel never hex-encodes a name type (the tokenizer reads none as hex), so its value is its raw bytes.
    private static int Rank(in AuditField nameType)
    {
        var text = nameType.RawValue;
        if (text.Length == NameTypeLength)
        {
            var key = FieldToken.KeyOf(text);
            for (var rank = 0; rank < NameTypeKeys.Length; rank++)
            {
                if (key == NameTypeKeys[rank])
                {
                    return rank < OtherRank ? rank : ParentRank;
                }
            }
        }

        return OtherRank;
    }

    // The first field named name and the first named nametype of a PATH record that have a value (None when it has
    // none), in either part of the record, as AllFields' map finds them: in one pass over the name keys, up to where
    // both are found (both names are at most 8 bytes, which a key and a length say exactly).
    private static (int Name, int NameType) NameFields(AuditRecord record)
    {
        var keys = record.NameKeys;
        var tokens = record.Tokens;
        var (name, nameType) = (FieldLayout.None, FieldLayout.None);
        for (var f = 0; f < keys.Length && (name == FieldLayout.None || nameType == FieldLayout.None); f++)
        {
            if (tokens[f].Kind == FieldKind.Absent)
            {
                continue;
            }

            if (keys[f] == PathName.Key && tokens[f].NameLength == PathName.Length && name == FieldLayout.None)
            {
                name = f;
            }
            else if (keys[f] == PathNameType.Key && tokens[f].NameLength == PathNameType.Length && nameType == FieldLayout.None)
            {
                nameType = f;
            }
        }

        return (name, nameType);
    }

    // The id and the ENRICHED name of the same record.
    private static (long? Id, string? Name) IdAndName(EventFields fields, MappedName idName, MappedName enrichedName)
    {
        var id = fields.Take(idName);
        return id.Found ? (fields.Id(id), fields.Name(fields.TakeBeside(id, enrichedName))) : default;
    }

    private static AuditRecord PrimaryWithoutSyscall(ReadOnlySpan<AuditRecord> records)
    {
        foreach (var record in records)
        {
            if (record.TypeNumber is not (RecordType.ProcTitle or RecordType.EndOfEvent or RecordType.Cwd or RecordType.Path))
            {
                return record;
            }
        }

        return records[0];
    }

    /// <summary>The first record of <paramref name="type"/>, or null.</summary>
    internal static AuditRecord? Find(ReadOnlySpan<AuditRecord> records, int type)
    {
        foreach (var record in records)
        {
            if (record.TypeNumber == type)
            {
                return record;
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
