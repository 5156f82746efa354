using System.Text.Json;
using AuditSentinel.Cli.Commands;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.Pipeline;
using AuditSentinel.TestSupport;
using Spectre.Console.Testing;

namespace AuditSentinel.Cli.Tests;

public sealed class ParseCommandTests : IDisposable
{
    private static readonly string[] Passwords = ["wrongpass", "Tulip-Field-7", "Daisy-Chain-9"];
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"parse-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private async Task<string> Parse(bool redact, params LogInput[] inputs)
    {
        var console = new TestConsole();
        var exit = await ParseCommand.RunAsync(inputs.Length == 0 ? [InputResolver.EmbeddedSample()] : inputs, _out, wantSummary: true, new IngestOptions { RedactTty = redact }, console, CancellationToken.None);
        Assert.Equal(0, exit);
        return console.Output;
    }

    private List<JsonElement> Rows(string table) =>
        File.ReadLines(Path.Combine(_out, table + ".ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public async Task The_embedded_sample_becomes_rows_that_account_for_every_line()
    {
        var summary = await Parse(redact: true);
        var events = Rows("LinuxAuditEvents_CL");
        var tty = Rows("LinuxTtyInput_CL");
        var health = Assert.Single(Rows("LinuxAuditHealth_CL"));
        var lines = File.ReadLines(RepoPaths.SshIntrusionLog).Count();
        Assert.Equal(lines, events.Sum(e => e.GetProperty("RecordCount").GetInt32()) + tty.Count);
        Assert.Equal(lines, health.GetProperty("Lines").GetInt64());
        Assert.Equal(0, health.GetProperty("RejectedLines").GetInt64());
        Assert.Equal("vm", health.GetProperty("Computer").GetString());
        Assert.True(health.GetProperty("Events").GetInt64() >= events.Count);
        Assert.False(File.Exists(Path.Combine(_out, "Rejected.ndjson")));
        Assert.Contains("LinuxAuditEvents_CL", summary, StringComparison.Ordinal);
        Assert.Contains("authentication", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_typed_at_prompts_appear_in_no_output_by_default_and_only_when_asked()
    {
        var summary = await Parse(redact: true);
        var everything = summary + string.Concat(Directory.EnumerateFiles(_out).Select(File.ReadAllText));
        Assert.All(Passwords, p => Assert.DoesNotContain(p, everything, StringComparison.Ordinal));
        Assert.Contains(Rows("LinuxTtyInput_CL"), r => r.GetProperty("Redacted").GetBoolean());

        Directory.Delete(_out, recursive: true);
        await Parse(redact: false);
        var unredacted = string.Concat(Directory.EnumerateFiles(_out).Select(File.ReadAllText));
        Assert.All(Passwords, p => Assert.Contains(p, unredacted, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_folder_written_before_keeps_no_file_of_the_earlier_run()
    {
        // The first run rejects lines and writes TTY rows; the second, of input with neither, must not leave them behind.
        var log = Path.Combine(Path.GetTempPath(), $"plain-{Guid.NewGuid():N}.log");
        await File.WriteAllLinesAsync(log, File.ReadLines(RepoPaths.SshIntrusionLog).Where(l => !l.Contains("type=TTY", StringComparison.Ordinal) && !l.Contains("type=USER_TTY", StringComparison.Ordinal)).Take(20));
        var mixed = Path.Combine(Path.GetTempPath(), $"mixed-{Guid.NewGuid():N}.log");
        await File.WriteAllLinesAsync(mixed, [.. File.ReadLines(RepoPaths.SshIntrusionLog), "garbage line"]);
        try
        {
            await Parse(redact: true, new LogInput(mixed, null, () => File.OpenRead(mixed)));
            Assert.True(File.Exists(Path.Combine(_out, "Rejected.ndjson")));
            Assert.NotEmpty(Rows("LinuxTtyInput_CL"));
            var unrelated = Path.Combine(_out, "notes.txt");
            await File.WriteAllTextAsync(unrelated, "kept");

            await Parse(redact: true, new LogInput(log, null, () => File.OpenRead(log)));
            Assert.False(File.Exists(Path.Combine(_out, "Rejected.ndjson")));
            Assert.False(File.Exists(Path.Combine(_out, "LinuxTtyInput_CL.ndjson")));
            Assert.Equal(20, Rows("LinuxAuditEvents_CL").Sum(e => e.GetProperty("RecordCount").GetInt32()));
            Assert.Equal("kept", await File.ReadAllTextAsync(unrelated));
        }
        finally
        {
            File.Delete(log);
            File.Delete(mixed);
        }
    }

    [Fact]
    public async Task Lines_that_are_not_audit_records_end_in_the_rejected_file_with_their_reason()
    {
        var log = Path.Combine(Path.GetTempPath(), $"mixed-{Guid.NewGuid():N}.log");
        var real = File.ReadLines(RepoPaths.SshIntrusionLog).Take(20).ToList();
        await File.WriteAllLinesAsync(log, [real[0], "garbage line", "", .. real.Skip(1), "type=SYSCALL msg=audit(oops): x=1"]);
        try
        {
            await Parse(redact: true, new LogInput(log, null, () => File.OpenRead(log)));
            var rejected = File.ReadLines(Path.Combine(_out, "Rejected.ndjson")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["no-audit-header", "blank-line", "bad-timestamp"], rejected.Select(r => r.GetProperty("reason").GetString()));
            Assert.Equal([2L, 3L, 23L], rejected.Select(r => r.GetProperty("line").GetInt64()));
            Assert.Equal("garbage line", rejected[0].GetProperty("text").GetString());
            var health = Rows("LinuxAuditHealth_CL");
            Assert.Equal(23, health.Sum(h => h.GetProperty("Lines").GetInt64()));
            var unattributed = Assert.Single(health, h => !h.TryGetProperty("Computer", out _));
            Assert.Equal(3, unattributed.GetProperty("RejectedLines").GetInt64());
        }
        finally
        {
            File.Delete(log);
        }
    }
}
