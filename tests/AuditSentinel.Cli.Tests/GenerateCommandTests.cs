using AuditSentinel.Cli.Commands;
using AuditSentinel.Cli.Generation;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Input;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"generated-{Guid.NewGuid():N}.log");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Generated_corpus_is_well_formed_and_ausearch_groups_it_as_we_do()
    {
        CorpusGenerator generator;
        await using (var template = File.OpenRead(RepoPaths.SshIntrusionLog))
        {
            generator = await CorpusGenerator.FromLogAsync(template, CancellationToken.None);
        }

        long bytes, lines;
        await using (var output = File.Create(_path))
        {
            (bytes, lines) = generator.Write(output, targetBytes: 1_000_000, hosts: 3);
        }

        Assert.Equal(new FileInfo(_path).Length, bytes);
        var templateLines = File.ReadLines(RepoPaths.SshIntrusionLog).Count();
        Assert.Equal(0, lines % templateLines);

        var parser = new RecordParser();
        var assembler = new EventAssembler();
        var events = new List<AuditEvent>();
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await LogLineReader.OpenFileAsync(_path))
        {
            while (await reader.FillAsync())
            {
                while (reader.TryReadLine(out var line))
                {
                    Assert.True(parser.TryParse(line.Bytes.Span, line.Number, out var record, out var reason), $"line {line.Number}: {reason}");
                    hosts.Add(record.Node);
                    assembler.Add(record, events);
                }
            }
        }

        assembler.Flush(events);
        Assert.Equal(["host-0000", "host-0001", "host-0002"], hosts.Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.False(e.IsPartial));
        var distinctStamps = ReferenceTools.Run("ausearch", "-i", "-if", _path).Split('\n')
            .Where(l => l.Contains("msg=audit(", StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf(" type=", StringComparison.Ordinal)] + l[l.IndexOf("msg=audit(", StringComparison.Ordinal)..l.IndexOf(')', StringComparison.Ordinal)])
            .Distinct(StringComparer.Ordinal)
            .Count();
        Assert.Equal(distinctStamps, events.Count);
    }

    [Theory]
    [InlineData("200MB", 200L << 20)]
    [InlineData("1gb", 1L << 30)]
    [InlineData("4096", 4096L)]
    public void Sizes_read_with_their_suffix(string text, long expected) => Assert.Equal(expected, GenerateCommand.ParseSize(text));

    [Theory]
    [InlineData("")]
    [InlineData("-5MB")]
    [InlineData("lots")]
    public void Bad_sizes_say_what_is_expected(string text) =>
        Assert.Contains("200MB", Assert.Throws<UsageException>(() => GenerateCommand.ParseSize(text)).Message, StringComparison.Ordinal);
}
