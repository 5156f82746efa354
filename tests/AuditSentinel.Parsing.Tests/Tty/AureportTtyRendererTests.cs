using System.Globalization;
using System.Text;
using AuditSentinel.Parsing.Tty;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Tty;

public class AureportTtyRendererTests
{
    public static TheoryData<string> FixtureLogs() => new()
    {
        "ssh-intrusion/audit.log",
        "go-libaudit/auparse/testdata/audit-rhel7.log",
    };

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public async Task Rendering_of_every_fixture_record_is_byte_identical_to_aureport(string log)
    {
        var path = RepoPaths.Fixture(log.Split('/'));
        await AssertMatchesAureport(path);
    }

    [Fact]
    public async Task Rendering_matches_the_committed_aureport_tty_report_of_the_ssh_intrusion()
    {
        var reference = AureportTtyReport.Parse(await File.ReadAllTextAsync(RepoPaths.Fixture("ssh-intrusion", "aureport-tty.txt")));
        var records = await KeystrokeRecords.ReadAsync(RepoPaths.SshIntrusionLog);

        Assert.Equal(6, reference.Count);
        Assert.Equal(reference.Count, records.Count);
        foreach (var record in records)
        {
            Assert.True(TtyTranscript.TryCreate(record, out var transcript));
            Assert.Equal(reference[record.Serial], transcript.Rendering);
        }
    }

    [Fact]
    public async Task Rendering_of_generated_arbitrary_keystrokes_is_byte_identical_to_aureport()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tty-generated-{Guid.NewGuid():N}.log");
        try
        {
            await File.WriteAllBytesAsync(path, GeneratedTtyLog.Write(seed: 20261122, records: 400));
            var compared = await AssertMatchesAureport(path);
            Assert.Equal(400, compared);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Lines_rendered_one_by_one_and_joined_by_commas_give_the_whole_rendering()
    {
        // The redactor rebuilds a rendering from per-line pieces; this holds because terminators are one-byte keys
        // that no longer named sequence contains, so no key or quoted run spans two lines.
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var transcript = TtyTranscript.FromBytes(GeneratedTtyLog.Keystrokes(random));
            var joined = string.Join(',', Enumerable.Range(0, transcript.Lines.Count).Select(transcript.RenderLine));
            Assert.Equal(transcript.Rendering, joined);
        }
    }

    private static async Task<int> AssertMatchesAureport(string path)
    {
        var reference = AureportTtyReport.Run(path);
        var records = await KeystrokeRecords.ReadAsync(path);
        Assert.NotEmpty(records);
        Assert.Equal(reference.Count, records.Count);
        foreach (var record in records)
        {
            Assert.True(TtyTranscript.TryCreate(record, out var transcript), record.LineText);
            var expected = reference[record.Serial];
            if (!string.Equals(expected, transcript.Rendering, StringComparison.Ordinal))
            {
                Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"serial {record.Serial}\n{record.LineText}\naureport: {expected}\nours:     {transcript.Rendering}"));
            }
        }

        return records.Count;
    }
}
