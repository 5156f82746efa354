using System.CommandLine;
using System.Globalization;
using AuditSentinel.Cli.Generation;
using AuditSentinel.Cli.Inputs;

namespace AuditSentinel.Cli.Commands;

/// <summary><c>audit-sentinel generate --out FILE [--size 200MB] [--hosts 64] [TEMPLATE...]</c>: a large realistic corpus for benchmarks and load tests.</summary>
internal static class GenerateCommand
{
    internal static Command Create()
    {
        var templates = new Argument<string[]>("templates") { Arity = ArgumentArity.ZeroOrMore, Description = "Real logs to copy from. None: the embedded sample." };
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var size = new Option<string>("--size") { Description = "How much to write: bytes, or with a KB/MB/GB suffix.", DefaultValueFactory = _ => "200MB" };
        var hosts = new Option<int>("--hosts") { Description = "How many hosts the copies spread over.", DefaultValueFactory = _ => 64 };
        var command = new Command("generate", "Build a large realistic log from real ones (shifted hosts, times, serials and sessions).") { templates, output, size, hosts };
        command.SetAction(async (result, cancellationToken) =>
        {
            var target = ParseSize(result.GetValue(size)!);
            var inputs = InputResolver.Resolve(result.GetValue(templates) ?? []);
            var lines = new MemoryStream();
            foreach (var input in inputs)
            {
                await using var stream = input.Open();
                await stream.CopyToAsync(lines, cancellationToken);
            }

            lines.Position = 0;
            var generator = await CorpusGenerator.FromLogAsync(lines, cancellationToken);
            var file = result.GetValue(output)!;
            await using var stream2 = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            var (bytes, written) = generator.Write(stream2, target, result.GetValue(hosts));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {written} lines, {bytes} bytes to {file.FullName}"));
            return 0;
        });
        return command;
    }

    internal static long ParseSize(string text)
    {
        var trimmed = text.Trim().ToUpperInvariant();
        var (digits, factor) = trimmed switch
        {
            _ when trimmed.EndsWith("GB", StringComparison.Ordinal) => (trimmed[..^2], 1L << 30),
            _ when trimmed.EndsWith("MB", StringComparison.Ordinal) => (trimmed[..^2], 1L << 20),
            _ when trimmed.EndsWith("KB", StringComparison.Ordinal) => (trimmed[..^2], 1L << 10),
            _ => (trimmed, 1L),
        };
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value * factor
            : throw new UsageException($"Not a size: '{text}'. Use e.g. 200MB or 1GB.");
    }
}
