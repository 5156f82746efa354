using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Attack;
using AuditSentinel.Tables.Normalization;
using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Mapping;

/// <summary>Builds the LinuxAuditEvents row of one event's non-TTY records.</summary>
internal static class EventRowMapper
{
    // The name types an object path is chosen by, most preferred first; PARENT last, never preferred.
    private static readonly byte[][] NameTypesByRank = ["CREATE"u8.ToArray(), "NORMAL"u8.ToArray(), "DELETE"u8.ToArray(), "PARENT"u8.ToArray()];

    [ThreadStatic]
    private static List<string>? t_techniques;

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
        var keys = Keys(fields);
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
        row.Techniques = Techniques(attackKeys, keys);
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
        row.Exit = fields.TryTake(MappedName.Exit, out var exit) ? FieldNumbers.Number(exit) : null;
        row.Pid = Int32(fields, MappedName.Pid);
        row.Ppid = Int32(fields, MappedName.Ppid);
        (row.Auid, row.AuditUser) = IdAndName(fields, MappedName.Auid, MappedName.EnrichedAuid);
        row.Session = Id(fields, MappedName.Ses);
        (row.Uid, row.User) = IdAndName(fields, MappedName.Uid, MappedName.EnrichedUid);
        (row.Euid, row.EffectiveUser) = IdAndName(fields, MappedName.Euid, MappedName.EnrichedEuid);
        row.Gid = Id(fields, MappedName.Gid);
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
        fields.TryTake(MappedName.Id, out _, out var owner) && fields.TryTake(owner, MappedName.EnrichedId, out var name) ? FieldNumbers.Name(name) : null;

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
        row.FilePath = paths is null ? null : ObjectPath(paths);
        (row.SocketFamily, row.RemoteAddress, row.RemotePort) = Find(fields.Records, RecordType.SockAddr) is { } sockaddr ? Interpreted.Socket(fields, sockaddr) : default;
    }

    // The rule key that made the kernel record the event is on SYSCALL; a CONFIG_CHANGE's key= names the rule being
    // changed, not why this event was recorded, so it stays in Fields.
    private static string[]? Keys(EventFields fields)
    {
        string[]? keys = null;
        foreach (var record in fields.Records)
        {
            if (record.TypeNumber == RecordType.Syscall && fields.TryTake(record, MappedName.Key, out var key) && ColumnTexts.Of(key) is { } text)
            {
                keys = AddKeys(text, keys);
            }
        }

        return keys;
    }

    // The parts of a key= value split at the kernel's separator, empty ones dropped, each once; a single key (the
    // usual case) is added without copying it.
    private static string[]? AddKeys(string text, string[]? keys)
    {
        if (!text.Contains(FieldValues.KeySeparator, StringComparison.Ordinal))
        {
            return AddKey(text, keys);
        }

        foreach (var range in text.AsSpan().Split(FieldValues.KeySeparator))
        {
            if (range.Start.Value != range.End.Value)
            {
                keys = AddKey(text[range], keys);
            }
        }

        return keys;
    }

    // An event has one key nearly always, so the array grows by one rather than through a list.
    private static string[]? AddKey(string key, string[]? keys)
    {
        if (key.Length == 0 || (keys is not null && Array.IndexOf(keys, key) >= 0))
        {
            return keys;
        }

        if (keys is null)
        {
            return [key];
        }

        var grown = new string[keys.Length + 1];
        keys.CopyTo(grown, 0);
        grown[^1] = key;
        return grown;
    }

    private static string[]? Techniques(AttackKeyMap attackKeys, string[]? keys)
    {
        if (keys is null)
        {
            return null;
        }

        // Collected in a list reused per thread, so the row keeps only an exact array (none when no key maps to a technique).
        var techniques = t_techniques ??= [];
        techniques.Clear();
        foreach (var key in keys)
        {
            attackKeys.AddTechniquesOf(key, techniques);
        }

        return techniques.Count == 0 ? null : [.. techniques];
    }

    // The name of the path an event is about: the first path of the most preferred name type (CREATE, NORMAL, DELETE)
    // that has a name, else the first that has one and is not the PARENT directory, else the first path's. Each path's
    // name type is read once.
    private static string? ObjectPath(FieldMap[] paths)
    {
        const int Other = 3; // a name type not preferred, or none
        const int Parent = 4; // never chosen but by the last rule
        string? chosen = null;
        var chosenRank = Parent;
        foreach (var path in paths)
        {
            var rank = path.IndexOfValue("nametype"u8, NameTypesByRank) switch
            {
                -1 => Other,
                var preferred when preferred < Other => preferred,
                _ => Parent,
            };
            if (rank < chosenRank && path.GetValue("name"u8) is { } name)
            {
                (chosen, chosenRank) = (name, rank);
            }
        }

        return chosen ?? paths[0].GetValue("name"u8);
    }

    private static (long? Id, string? Name) IdAndName(EventFields fields, MappedName idName, MappedName enrichedName)
    {
        if (!fields.TryTake(idName, out var id, out var record))
        {
            return default;
        }

        var name = fields.TryTake(record, enrichedName, out var enriched) ? FieldNumbers.Name(enriched) : null;
        return (FieldNumbers.Id(id), name);
    }

    private static long? Id(EventFields fields, MappedName name) => fields.TryTake(name, out var field) ? FieldNumbers.Id(field) : null;

    private static int? Int32(EventFields fields, MappedName name) => fields.TryTake(name, out var field) ? FieldNumbers.Int32(field) : null;

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
