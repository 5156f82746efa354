using System.IO.Compression;
using System.Text;
using AuditSentinel.Parsing.Input;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Input;

public class LogLineReaderTests
{
    private static async Task<List<(string Text, long Number, bool Truncated)>> ReadAll(Stream stream, int maxLineLength = LogLineReader.DefaultMaxLineLength)
    {
        var lines = new List<(string, long, bool)>();
        await using var reader = await LogLineReader.OpenAsync(stream, maxLineLength);
        while (await reader.FillAsync())
        {
            while (reader.TryReadLine(out var line))
            {
                lines.Add((Encoding.UTF8.GetString(line.Bytes.Span), line.Number, line.Truncated));
            }
        }

        return lines;
    }

    [Fact]
    public async Task Gzip_is_recognised_by_content_and_gives_the_same_lines()
    {
        var plain = await File.ReadAllBytesAsync(RepoPaths.SshIntrusionLog);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(plain);
        }

        compressed.Position = 0;
        var fromGzip = await ReadAll(compressed);
        var fromPlain = await ReadAll(new MemoryStream(plain));
        Assert.Equal(File.ReadLines(RepoPaths.SshIntrusionLog), fromPlain.Select(l => l.Text));
        Assert.Equal(fromPlain, fromGzip);
    }

    [Fact]
    public async Task Crlf_endings_and_a_last_line_without_newline_are_lines()
    {
        var lines = await ReadAll(new MemoryStream("a\r\nb\n\nc"u8.ToArray()));
        Assert.Equal([("a", 1, false), ("b", 2, false), ("", 3, false), ("c", 4, false)], lines);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_cut_flagged_and_the_next_line_is_intact()
    {
        var text = new string('x', 300) + "\nnext\n" + new string('y', 100) + "\n";
        var lines = await ReadAll(new TrickleStream(Encoding.ASCII.GetBytes(text), 7), maxLineLength: 50);
        Assert.Equal(3, lines.Count);
        Assert.Equal((new string('x', 50), 1L, true), lines[0]);
        Assert.Equal(("next", 2L, false), lines[1]);
        Assert.Equal((new string('y', 50), 3L, true), lines[2]);
    }

    [Fact]
    public async Task Reads_of_one_byte_at_a_time_give_the_same_lines()
    {
        var bytes = await File.ReadAllBytesAsync(RepoPaths.Fixture("go-libaudit", "testdata", "normal.log"));
        var trickled = await ReadAll(new TrickleStream(bytes, 1));
        Assert.Equal(File.ReadLines(RepoPaths.Fixture("go-libaudit", "testdata", "normal.log")), trickled.Select(l => l.Text));
    }

    [Fact]
    public async Task An_empty_stream_has_no_lines()
    {
        Assert.Empty(await ReadAll(new MemoryStream()));
        Assert.Equal([("x", 1, false)], await ReadAll(new MemoryStream("x"u8.ToArray())));
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(chunk, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
