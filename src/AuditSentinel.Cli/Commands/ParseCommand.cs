using System.CommandLine;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.Cli.Output;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Sinks;
using AuditSentinel.Tables;
using Spectre.Console;

namespace AuditSentinel.Cli.Commands;

/// <summary><c>audit-sentinel parse [PATH|DIR|-]... [--out DIR] [--format ndjson|summary] [--no-redact]</c>.</summary>
internal static class ParseCommand
{
    private const string RejectedFile = "Rejected.ndjson";

    internal static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Log files (plain or gzip), folders, or - for standard input. None: the embedded sample (a real SSH intrusion)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write <Table>.ndjson per table (the rows an upload would send) and Rejected.ndjson to this folder, replacing those of an earlier run." };
        var format = new Option<string>("--format") { Description = "ndjson (needs --out) or summary.", DefaultValueFactory = _ => "summary" };
        format.AcceptOnlyFromAmong("summary", "ndjson");
        var noRedact = new Option<bool>("--no-redact") { Description = "Keep keystrokes typed at password prompts (they are redacted by default)." };
        var command = new Command("parse", "Parse audit logs into the normalized table rows, offline.") { paths, output, format, noRedact };
        command.SetAction(async (result, cancellationToken) =>
        {
            var outDir = result.GetValue(output);
            var wantSummary = result.GetValue(format) == "summary";
            if (!wantSummary && outDir is null)
            {
                Console.Error.WriteLine("--format ndjson writes files: give --out DIR.");
                return 2;
            }

            var options = new IngestOptions { RedactTty = !result.GetValue(noRedact) };
            return await RunAsync(InputResolver.Resolve(result.GetValue(paths) ?? []), outDir?.FullName, wantSummary, options, AnsiConsole.Console, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(IReadOnlyList<LogInput> inputs, string? outDir, bool wantSummary, IngestOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var files = outDir is null ? null : new NdjsonDirectorySink(outDir);
        if (outDir is not null)
        {
            RemoveEarlierOutput(outDir);
        }

        await using var rejected = outDir is null ? null : new RejectedLinesFileSink(Path.Combine(outDir, RejectedFile));
        var summary = new RunSummary(files, detailed: wantSummary);
        IRejectedLineSink rejectedSink = rejected is null ? DiscardRejectedLines.Instance : rejected;
        var reports = new List<IngestReport>();
        foreach (var input in inputs)
        {
            var report = await ProgressReporter.RunAsync(console, input.Length, input.Name, progress =>
                LogIngestion.IngestStreamAsync(input.Open(), new IngestSource(input.Name, SourceKind.File), options, summary, rejectedSink, progress, cancellationToken));
            reports.Add(report);
        }

        if (wantSummary)
        {
            SummaryRenderer.Render(console, summary, reports);
        }

        if (outDir is not null)
        {
            console.MarkupLine($"Wrote {Markup.Escape(string.Join(", ", summary.RowsByTable.Select(p => $"{p.Value} {p.Key}")))} rows and {reports.Sum(r => r.RejectedLines)} rejected lines to {Markup.Escape(outDir)}");
        }

        return 0;
    }

    // The sinks create a file on its first row, so an earlier run's file that this run writes nothing to (rejected
    // lines, a table this input has no rows for) would stay beside the new ones and read as this run's.
    private static void RemoveEarlierOutput(string outDir)
    {
        foreach (var file in AuditTables.All.Select(table => table.Name + ".ndjson").Append(RejectedFile))
        {
            File.Delete(Path.Combine(outDir, file));
        }
    }
}
