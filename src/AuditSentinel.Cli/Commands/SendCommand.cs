using System.CommandLine;
using AuditSentinel.Azure;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.Cli.Azure;
using AuditSentinel.Cli.Inputs;
using AuditSentinel.Cli.Output;
using AuditSentinel.Pipeline;
using AuditSentinel.Pipeline.Delivery;
using Spectre.Console;

namespace AuditSentinel.Cli.Commands;

/// <summary>
/// <c>audit-sentinel send [PATH|DIR|-]... --endpoint URL --rule-id DCR_IMMUTABLE_ID [--credential ..] [--dead-letter DIR|URL]</c>:
/// the function app's pipeline, run locally, into the Logs Ingestion API.
/// </summary>
internal static class SendCommand
{
    internal static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Log files (plain or gzip), folders, or - for standard input. None: the embedded sample." };
        var endpoint = new Option<string>("--endpoint") { Required = true, Description = "The data collection endpoint (or a Direct DCR's logsIngestion endpoint), https://..." };
        var ruleId = new Option<string>("--rule-id") { Required = true, Description = "The data collection rule's immutable id (dcr-...)." };
        var credential = CredentialChoice.CreateOption();
        var deadLetter = new Option<string>("--dead-letter")
        {
            Description = "Where rows that cannot be delivered and rejected input lines are kept: a folder, or a blob container URL.",
            DefaultValueFactory = _ => DeadLetterLocation.DefaultFolder,
        };
        var prefix = DeadLetterPrefixOption();
        var concurrency = CommandArguments.ConcurrencyOption("Calls in flight at once.");
        var noRedact = new Option<bool>("--no-redact") { Description = "Send keystrokes typed at password prompts (they are redacted by default)." };
        var command = new Command("send", "Parse audit logs and upload the rows to the LinuxAudit* tables through the Logs Ingestion API.")
        {
            paths, endpoint, ruleId, credential, deadLetter, prefix, concurrency, noRedact,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var endpointUri = CommandArguments.HttpsUri(result.GetValue(endpoint)!, "--endpoint");
            var credentialName = result.GetValue(credential)!;
            var access = CredentialChoice.Access(credentialName, endpointUri);
            var inputs = InputResolver.Resolve(result.GetValue(paths) ?? []);
            var location = result.GetValue(deadLetter)!;
            var request = new SendRequest(
                inputs,
                endpointUri,
                result.GetValue(ruleId)!,
                DeadLetterLocation.Open(location, result.GetValue(prefix)!, uri => CredentialChoice.Access(credentialName, uri)),
                location,
                new IngestOptions { RedactTty = !result.GetValue(noRedact) },
                new DeliveryOptions { MaxConcurrency = result.GetValue(concurrency) });
            return await RunAsync(request, access, AnsiConsole.Console, Console.Error, cancellationToken);
        });
        return command;
    }

    internal static Option<string> DeadLetterPrefixOption() => new("--dead-letter-prefix")
    {
        Description = "Blob name prefix of the items in a dead-letter container.",
        DefaultValueFactory = _ => DeadLetterLocation.DefaultBlobPrefix,
    };

    internal static async Task<int> RunAsync(SendRequest request, AzureAccess access, IAnsiConsole console, TextWriter errors, CancellationToken cancellationToken)
    {
        var target = new DeliveryTarget(request.Endpoint, access.Credential, request.RuleId, request.DeadLetters, access.Configure(new LogsIngestionClientOptions()));
        var totals = new DeliveryStatistics();
        var reports = new List<IngestReport>();
        Exception? failure = null;
        foreach (var input in request.Inputs)
        {
            var sink = new LogsIngestionSink(target, input.Name, request.Delivery);
            try
            {
                reports.Add(await ProgressReporter.RunAsync(console, input.Length, input.Name, progress =>
                    LogIngestion.IngestStreamAsync(input.Open(), new IngestSource(input.Name, SourceKind.File), request.Ingest, sink, new DeadLetterRejectedLineSink(target), progress, cancellationToken)));
            }
#pragma warning disable CA1031 // Any failure ends the run with its message and the summary of what was done; rows still buffered are dead-lettered.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
            finally
            {
                await sink.DisposeAsync();
                totals.Add(sink.Statistics);
            }

            if (failure is not null)
            {
                break;
            }
        }

        DeliverySummaryRenderer.RenderSend(console, totals, reports, request.DeadLetterLocation);
        if (failure is not null)
        {
            await errors.WriteLineAsync(failure is OperationCanceledException
                ? $"send: cancelled; rows not known to be delivered are in {request.DeadLetterLocation}."
                : $"send: {failure.Message}");
            return ExitCodes.Failed;
        }

        if (totals.DeadLetteredRows > 0)
        {
            await errors.WriteLineAsync($"send: {totals.DeadLetteredRows} row(s) could not be delivered and are in {request.DeadLetterLocation}; fix the cause, then run: audit-sentinel replay {request.DeadLetterLocation} --endpoint {request.Endpoint}");
            return ExitCodes.DeadLettered;
        }

        return ExitCodes.Success;
    }
}

/// <summary>What <c>send</c> does: the inputs, where they go, and how.</summary>
internal sealed record SendRequest(
    IReadOnlyList<LogInput> Inputs,
    Uri Endpoint,
    string RuleId,
    IDeadLetterStore DeadLetters,
    string DeadLetterLocation,
    IngestOptions Ingest,
    DeliveryOptions Delivery);
