using System.Text.Json.Nodes;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Pipeline;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Content.Tests;

/// <summary>
/// What LinuxAuditEvents() relies on when it merges the rows of an event cut by a unit boundary, checked on rows
/// the pipeline really writes: a real execve event of the ssh-intrusion log cut after its SYSCALL record. The parts
/// share the EventId and are both flagged Partial; the SYSCALL part holds every column the merge takes from its base row; each column it fills
/// from other parts (Any* in the query) is in one of them; together the parts hold the whole event's records.
/// </summary>
public sealed class PartialRowContractTests
{
    // The columns LinuxAuditEvents() fills from the other parts; every other column comes from the SYSCALL part.
    private static readonly string[] FilledFromParts =
        ["CommandLine", "Argv", "ProcTitle", "Cwd", "Paths", "FilePath", "SocketFamily", "RemoteAddress", "RemotePort"];

    // Columns that describe the row itself, not the event; the merge recomputes or merges them.
    private static readonly string[] PerRow =
        ["RecordTypes", "RecordCount", "Partial", "PartialReason", "Fields", "SourceName", "ParserVersion", "TruncatedFields"];

    private const string CutBefore = "type=EXECVE msg=audit(1795333549.641:4203)";
    private const long Serial = 4203;

    [Fact]
    public async Task An_event_cut_by_a_unit_boundary_arrives_as_parts_the_parser_function_merges()
    {
        var lines = await File.ReadAllLinesAsync(RepoPaths.SshIntrusionLog);
        var cut = Array.FindIndex(lines, l => l.Contains(CutBefore, StringComparison.Ordinal));
        Assert.True(cut > 0);

        var whole = Assert.Single(await EventRows(lines, inputContinues: false));
        List<JsonObject> parts = [.. await EventRows(lines[..cut], inputContinues: true), .. await EventRows(lines[cut..], inputContinues: false)];

        Assert.False(whole["Partial"]!.GetValue<bool>());
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(whole["EventId"]!.GetValue<string>(), p["EventId"]!.GetValue<string>()));

        // The part emitted at the unit's end is input-boundary; the rest, records that only follow a SYSCALL, is
        // missing-start. A rest that holds its event's start (a cut between CONFIG_CHANGE and its SYSCALL) looks
        // whole, which is why LinuxAuditEvents() finds parts by EventId and not by the Partial flag.
        var syscallPart = Assert.Single(parts, p => p["RecordType"]!.GetValue<string>() == "SYSCALL");
        var rest = Assert.Single(parts, p => !ReferenceEquals(p, syscallPart));
        Assert.Equal((true, "input-boundary"), (syscallPart["Partial"]!.GetValue<bool>(), syscallPart["PartialReason"]!.GetValue<string>()));
        Assert.Equal((true, "missing-start"), (rest["Partial"]!.GetValue<bool>(), rest["PartialReason"]!.GetValue<string>()));
        foreach (var (column, value) in whole.Where(c => !PerRow.Contains(c.Key)))
        {
            if (FilledFromParts.Contains(column))
            {
                Assert.Contains(parts, p => JsonNode.DeepEquals(p[column], value));
            }
            else
            {
                Assert.True(JsonNode.DeepEquals(syscallPart[column], value), $"{column}: the SYSCALL part has {syscallPart[column]?.ToJsonString()}, the whole event {value?.ToJsonString()}");
            }
        }

        Assert.Equal(
            whole["RecordTypes"]!.AsArray().Select(t => t!.GetValue<string>()),
            parts.SelectMany(p => p["RecordTypes"]!.AsArray().Select(t => t!.GetValue<string>())));
        Assert.Equal(whole["RecordCount"]!.GetValue<int>(), parts.Sum(p => p["RecordCount"]!.GetValue<int>()));
        Assert.Subset(
            parts.SelectMany(p => p["Fields"]?.AsObject().Select(f => f.Key) ?? []).ToHashSet(StringComparer.Ordinal),
            whole["Fields"]!.AsObject().Select(f => f.Key).ToHashSet(StringComparer.Ordinal));
        Assert.NotNull(rest["CommandLine"]);
    }

    [Fact]
    public void The_parser_function_fills_exactly_these_columns_from_other_parts()
    {
        var query = RepoContent.Kql.Functions.Single(f => f.Document.ParserName == "LinuxAuditEvents").Document.ParserQuery!;
        Assert.All(FilledFromParts, column => Assert.Contains($"Any{column} = take_anyif({column},", query, StringComparison.Ordinal));
        Assert.Equal(FilledFromParts.Length, query.Split("= take_anyif(").Length - 1);
    }

    private static async Task<List<JsonObject>> EventRows(string[] lines, bool inputContinues)
    {
        var rows = new RowList();
        using var session = new IngestSession(new IngestSource("test", SourceKind.File), new IngestOptions(), rows, new NoRejects());
        for (var i = 0; i < lines.Length; i++)
        {
            session.AddLine(System.Text.Encoding.UTF8.GetBytes(lines[i]), i + 1);
        }

        await session.CompleteAsync(inputContinues, CancellationToken.None);
        return [.. rows.Events.Where(r => r["Serial"]!.GetValue<long>() == Serial)];
    }

    private sealed class RowList : IRowSink
    {
        public List<JsonObject> Events { get; } = [];

        public void Write(string table, ReadOnlySpan<byte> rowJson)
        {
            if (table == "LinuxAuditEvents_CL")
            {
                Events.Add(JsonNode.Parse(rowJson)!.AsObject());
            }
        }

        public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class NoRejects : IRejectedLineSink
    {
        public void Reject(IngestSource source, long lineNumber, ReadOnlySpan<byte> line, RejectReason reason) =>
            Assert.Fail($"line {lineNumber} rejected: {reason}");

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
