using System.CommandLine;
using System.Globalization;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.Cli.Timeline;
using AuditSentinel.Pipeline;

namespace AuditSentinel.Cli.Commands;

/// <summary><c>audit-sentinel timeline --host H --session N [PATH...]</c>: one session, in order.</summary>
internal static class TimelineCommand
{
    internal static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Logs to read. None: the embedded sample." };
        var host = new Option<string>("--host") { Description = "The host (node= name).", Required = true };
        var session = new Option<long>("--session") { Description = "The audit session id (ses=).", Required = true };
        var noRedact = new Option<bool>("--no-redact") { Description = "Show keystrokes typed at password prompts." };
        var command = new Command("timeline", "Show the logins, commands (with sudo/su user changes) and keystrokes of one session, in order.") { paths, host, session, noRedact };
        command.SetAction(async (result, cancellationToken) =>
        {
            var entries = await CollectAsync(
                InputResolver.Resolve(result.GetValue(paths) ?? []),
                result.GetValue(host)!,
                result.GetValue(session),
                new IngestOptions { RedactTty = !result.GetValue(noRedact) },
                cancellationToken);
            if (entries.Count == 0)
            {
                await Console.Error.WriteLineAsync($"No events of session {result.GetValue(session)} on host {result.GetValue(host)}.");
                return 1;
            }

            foreach (var entry in entries)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.Time:yyyy-MM-dd HH:mm:ss.fff}  {entry.Kind,-7} {entry.Actor,-14} {entry.Text}"));
            }

            return 0;
        });
        return command;
    }

    internal static async Task<IReadOnlyList<TimelineEntry>> CollectAsync(IReadOnlyList<LogInput> inputs, string host, long session, IngestOptions options, CancellationToken cancellationToken)
    {
        var timeline = new SessionTimeline(host, session);
        foreach (var input in inputs)
        {
            await LogIngestion.IngestStreamAsync(input.Open(), new IngestSource(input.Name, SourceKind.File), options, timeline, DiscardRejectedLines.Instance, cancellationToken: cancellationToken);
        }

        return timeline.Entries();
    }
}
