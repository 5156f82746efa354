using System.Text.RegularExpressions;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Normalization;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

public partial class VocabularyTests
{
    public static TheoryData<string> FixtureLogs() =>
    [
        RepoPaths.SshIntrusionLog,
        .. Directory.GetFiles(RepoPaths.Fixture("go-libaudit", "auparse", "testdata"), "*.log"),
        .. Directory.GetFiles(RepoPaths.Fixture("go-libaudit", "testdata"), "*.log"),
    ];

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public async Task Every_record_type_in_the_fixtures_is_named_by_the_vocabulary_or_is_an_auxiliary_record(string path)
    {
        var log = await MappedLog.ReadFileAsync(path);
        foreach (var row in log.Events)
        {
            Assert.All(row.RecordTypes, t => Assert.True(AuxiliaryTypes.Contains(t) || Vocabulary.RecordTypes.ContainsKey(t), t + " is neither classified nor auxiliary"));
            var decisive = row.RecordTypes.FirstOrDefault(t => !AuxiliaryTypes.Contains(t));
            var byKey = row.Keys?.Select(k => Vocabulary.Keys.GetValueOrDefault(k)).FirstOrDefault(c => c.Action is not null);
            var expected = decisive is not null ? Vocabulary.RecordTypes[decisive]
                : row.Syscall is not null && Vocabulary.Syscalls.TryGetValue(row.Syscall, out var bySyscall) ? bySyscall
                : byKey is { Action: not null } key ? key
                : row.Syscall is not null ? Vocabulary.OtherSyscall
                : row.RecordTypes.Contains("EXECVE") ? Vocabulary.RecordTypes["EXECVE"]
                : Vocabulary.Unclassified;
            Assert.Equal(expected.Category, row.Category);
            Assert.Contains(row.Result, new[] { "success", "failure", "unknown" });
        }
    }

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void A_record_alone_is_classed_by_its_type_name_every_time(string path)
    {
        // The classifier answers known types from a table by type number; each record is classified twice (the second
        // from the table) and must get what the vocabulary gives its name. Plus names the table does not hold.
        var records = FixtureRecords.All(Path.GetRelativePath(RepoPaths.Fixture(), path)).Concat([
            FixtureRecords.Parse("type=UNKNOWN[1327] msg=audit(1.000:1): proctitle=6C73"),
            FixtureRecords.Parse("type=NOT_A_TYPE msg=audit(1.000:1): pid=1"),
            FixtureRecords.Parse("type=AVC msg=audit(1.000:1): apparmor=\"DENIED\" pid=1"),
            FixtureRecords.Parse("type=AVC msg=audit(1.000:1): avc: denied pid=1")]);
        foreach (var record in records.Where(r => r.TypeNumber != RecordType.Execve))
        {
            var expected = !Vocabulary.RecordTypes.TryGetValue(record.TypeName, out var byName) ? Vocabulary.Unclassified
                : record.TypeName == "AVC" && record.Has("apparmor"u8) ? Vocabulary.RecordTypes["APPARMOR_DENIED"]
                : byName;
            Assert.Equal(expected, EventClassifier.Classify([record], null, []).Class);
            Assert.Equal(expected, EventClassifier.Classify([record], null, []).Class);
        }
    }

    [Fact]
    public void Every_syscall_family_maps_to_its_class()
    {
        foreach (var (syscall, expected) in Vocabulary.Syscalls)
        {
            var (actual, decidedBy) = EventClassifier.Classify([Record($"type=SYSCALL msg=audit(1.000:1): syscall=0 \u001dSYSCALL={syscall}")], syscall, []);
            Assert.Equal(expected, actual);
            Assert.Null(decidedBy);
        }
    }

    [Fact]
    public void Every_record_type_maps_to_its_class_even_beside_a_syscall()
    {
        foreach (var (type, expected) in Vocabulary.RecordTypes)
        {
            Assert.True(RecordType.TryGetNumber(type, out var number), type + " is not a libaudit record type");
            var record = Record($"type={number} msg=audit(1.000:1): res=1");
            var syscall = Record("type=SYSCALL msg=audit(1.000:1): syscall=42 success=no");
            var (actual, decidedBy) = EventClassifier.Classify(type == "EXECVE" ? [syscall, record] : [record, syscall], "connect", []);
            Assert.Equal(type == "EXECVE" ? Vocabulary.Syscalls["connect"] : expected, actual);
            Assert.Same(type == "EXECVE" ? null : record, decidedBy);
        }
    }

    [Fact]
    public void Keys_decide_only_when_the_syscall_is_unknown_and_failures_say_so()
    {
        var syscall = Record("type=SYSCALL msg=audit(1.000:1): syscall=9999 success=no");
        Assert.Equal(Vocabulary.Keys["time-change"], EventClassifier.Classify([syscall], "9999", ["unmapped", "time-change"]).Class);
        Assert.Equal(Vocabulary.OtherSyscall, EventClassifier.Classify([syscall], "9999", ["unmapped"]).Class);
        Assert.Equal("failure", EventClassifier.Result(null, syscall, [syscall]));
        var login = Record("type=USER_LOGIN msg=audit(1.000:1): msg='op=login acct=\"x\" res=failed'");
        Assert.Equal("failed-login", EventClassifier.WithOutcome(Vocabulary.RecordTypes["USER_LOGIN"], EventClassifier.Result(login, null, [login])).Action);
        Assert.Equal("unknown", EventClassifier.Result(null, null, [Record("type=PATH msg=audit(1.000:1): name=x")]));
    }

    [Fact]
    public void Docs_list_exactly_the_vocabulary_of_the_code()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "normalization.md"));
        var documented = DocRow().Matches(doc)
            .SelectMany(m => m.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries).Select(n => (m.Groups["table"].Value, n.Trim('`'), m.Groups["category"].Value, m.Groups["action"].Value)))
            .ToHashSet();
        var code = Vocabulary.RecordTypes.Select(p => ("record type", p.Key, p.Value.Category, p.Value.Action))
            .Concat(Vocabulary.Syscalls.Select(p => ("syscall", p.Key, p.Value.Category, p.Value.Action)))
            .Concat(Vocabulary.Keys.Select(p => ("key", p.Key, p.Value.Category, p.Value.Action)))
            .ToHashSet();
        Assert.Empty(code.Except(documented));
        Assert.Empty(documented.Except(code));
    }

    private static readonly HashSet<string> AuxiliaryTypes =
        new(Vocabulary.RecordTypes.Keys.Where(k => k == "EXECVE"), StringComparer.Ordinal)
        {
            "SYSCALL", "PATH", "CWD", "PROCTITLE", "EOE", "SOCKADDR", "BPRM_FCAPS", "CAPSET", "MMAP", "OBJ_PID", "FD_PAIR", "IPC",
            "IPC_SET_PERM", "MQ_OPEN", "MQ_SENDRECV", "MQ_NOTIFY", "MQ_GETSETATTR", "SOCKETCALL", "KERNEL_OTHER", "OPENAT2", "URINGOP",
        };

    private static AuditRecord Record(string line) => FixtureRecords.Parse(line);

    // | record type | `USER_LOGIN`, `X` | authentication | logged-in |
    [GeneratedRegex(@"^\| (?<table>record type|syscall|key) \| (?<names>[^|]+?) \| (?<category>[a-z-]+) \| (?<action>[a-z-]+) \|$", RegexOptions.Multiline, matchTimeoutMilliseconds: 5000)]
    private static partial Regex DocRow();
}
