using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Tables.Normalization;

/// <summary>
/// Decides an event's category, action and result. The first record whose type names what happened decides
/// (CONFIG_CHANGE, USER_LOGIN, LOGIN, AVC ...: the SYSCALL beside them is only how it happened); else the syscall;
/// else a conventional rule key; else EXECVE alone means an execution. A failed login is <c>failed-login</c>, a failed
/// authentication <c>failed-authentication</c>.
/// </summary>
public static class EventClassifier
{
    /// <summary>The <c>Result</c> values.</summary>
    public const string Success = "success", Failure = "failure", Unknown = "unknown";

    // Record type numbers run below 4096 (libaudit's last user message type is 2999).
    private const int TypeNumbers = 4096;

    // What each record type number's canonical name classifies as, filled as types are met: a record of a known type
    // carries the one canonical string of its name, so a slot holding that very string answers without hashing it. A
    // slot is written once, whole, so threads share the table; another string for the number is looked up by name.
    private static readonly TypeClass?[] ByTypeNumber = new TypeClass?[TypeNumbers];

    private static readonly EventClass AvcClass = Vocabulary.RecordTypes["AVC"];

    /// <summary>Classifies an event.</summary>
    /// <param name="records">The event's records (TTY records excluded).</param>
    /// <param name="syscall">The syscall name, when the event has a SYSCALL record.</param>
    /// <param name="keys">The event's rule keys.</param>
    /// <returns>The class, and the record that decided it (null when the syscall or a key did).</returns>
    public static (EventClass Class, AuditRecord? DecidedBy) Classify(ReadOnlySpan<AuditRecord> records, string? syscall, ReadOnlySpan<string> keys)
    {
        foreach (var record in records)
        {
            if (record.TypeNumber != RecordType.Execve && TryClassOfType(record, out var byType))
            {
                // Ubuntu's kernel reports AppArmor decisions as AVC records with an apparmor= field.
                return (byType == AvcClass && record.Has("apparmor"u8) ? Vocabulary.RecordTypes["APPARMOR_DENIED"] : byType, record);
            }
        }

        if (syscall is not null)
        {
            if (Vocabulary.Syscalls.TryGetValue(syscall, out var bySyscall))
            {
                return (bySyscall, null);
            }
        }

        foreach (var key in keys)
        {
            if (Vocabulary.Keys.TryGetValue(key, out var byKey))
            {
                return (byKey, null);
            }
        }

        foreach (var record in records)
        {
            if (record.TypeNumber == RecordType.Execve)
            {
                return (Vocabulary.RecordTypes[record.TypeName], record);
            }
        }

        return (syscall is null ? Vocabulary.Unclassified : Vocabulary.OtherSyscall, null);
    }

    /// <summary>
    /// The outcome: <c>res=</c> of the deciding record, else <c>success=</c> of the syscall, else <c>res=</c> of any
    /// record; <c>success</c>, <c>failure</c> or <c>unknown</c>.
    /// </summary>
    public static string Result(AuditRecord? decidedBy, AuditRecord? syscall, ReadOnlySpan<AuditRecord> records)
    {
        if (decidedBy is not null && OutcomeOf(decidedBy, "res"u8) is { } byRes)
        {
            return byRes;
        }

        if (syscall is not null && OutcomeOf(syscall, "success"u8) is { } bySuccess)
        {
            return bySuccess;
        }

        foreach (var record in records)
        {
            if (OutcomeOf(record, "res"u8) is { } any)
            {
                return any;
            }
        }

        return Unknown;
    }

    /// <summary>The action adjusted for the outcome: logins and authentications that failed say so.</summary>
    public static EventClass WithOutcome(EventClass eventClass, string result) =>
        !string.Equals(result, Failure, StringComparison.Ordinal) ? eventClass : eventClass.Action switch
        {
            "logged-in" => eventClass with { Action = "failed-login" },
            "authenticated" => eventClass with { Action = "failed-authentication" },
            _ => eventClass,
        };

    // Vocabulary.RecordTypes looked up by the record's type name, through ByTypeNumber.
    private static bool TryClassOfType(AuditRecord record, out EventClass eventClass)
    {
        var number = record.TypeNumber;
        if ((uint)number >= TypeNumbers)
        {
            return Vocabulary.RecordTypes.TryGetValue(record.TypeName, out eventClass);
        }

        var known = ByTypeNumber[number];
        if (known is not null && ReferenceEquals(known.Name, record.TypeName))
        {
            eventClass = known.Class;
            return known.Found;
        }

        var found = Vocabulary.RecordTypes.TryGetValue(record.TypeName, out eventClass);
        if (known is null && number != 0)
        {
            ByTypeNumber[number] = new TypeClass(record.TypeName, found, eventClass);
        }

        return found;
    }

    private static string? OutcomeOf(AuditRecord record, ReadOnlySpan<byte> name)
    {
        if (!record.TryGetField(name, out var field))
        {
            return null;
        }

        var value = field.RawValue;
        if (value.SequenceEqual("success"u8) || value.SequenceEqual("yes"u8) || value.SequenceEqual("1"u8))
        {
            return Success;
        }

        return value.SequenceEqual("failed"u8) || value.SequenceEqual("failure"u8) || value.SequenceEqual("no"u8) || value.SequenceEqual("0"u8)
            ? Failure
            : null;
    }

    // A type name and what it classifies as (Found false: nothing, the rules further down decide).
    private sealed record TypeClass(string Name, bool Found, EventClass Class);
}
