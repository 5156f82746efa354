using System.CommandLine;
using AuditSentinel.Azure;
using AuditSentinel.Azure.DeadLetters;
using AuditSentinel.Azure.Ingestion;
using AuditSentinel.Cli.Azure;
using AuditSentinel.Cli.Output;
using AuditSentinel.Pipeline.Delivery;
using Spectre.Console;

namespace AuditSentinel.Cli.Commands;

/// <summary><c>audit-sentinel replay DEADLETTER --endpoint URL [--credential ..]</c>: re-sends dead-lettered rows, removes what arrived.</summary>
internal static class ReplayCommand
{
    internal static Command Create()
    {
        var location = new Argument<string>("dead-letter") { Description = "The dead-letter store: a folder, or a blob container URL." };
        var endpoint = new Option<string>("--endpoint") { Required = true, Description = "The data collection endpoint to re-send to (each item names its DCR and stream)." };
        var credential = CredentialChoice.CreateOption();
        var prefix = SendCommand.DeadLetterPrefixOption();
        var concurrency = CommandArguments.ConcurrencyOption("Calls in flight at once per item.");
        var command = new Command("replay", "Re-send the rows kept in a dead-letter store; items that arrive are removed, rejected input lines stay.")
        {
            location, endpoint, credential, prefix, concurrency,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var endpointUri = CommandArguments.HttpsUri(result.GetValue(endpoint)!, "--endpoint");
            var credentialName = result.GetValue(credential)!;
            var store = result.GetValue(location)!;
            // Replay never creates the store it reads: a mistyped folder is an error, not an empty replay.
            if (DeadLetterLocation.IsFolder(store, out _) && !Directory.Exists(store))
            {
                throw new UsageException($"No dead-letter folder {store}.");
            }

            var access = CredentialChoice.Access(credentialName, endpointUri);
            var request = new ReplayRequest(
                DeadLetterLocation.Open(store, result.GetValue(prefix)!, uri => CredentialChoice.Access(credentialName, uri)),
                store,
                endpointUri,
                result.GetValue(concurrency));
            return await RunAsync(request, access, AnsiConsole.Console, Console.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(ReplayRequest request, AzureAccess access, IAnsiConsole console, TextWriter errors, CancellationToken cancellationToken)
    {
        var client = DeliveryTarget.CreateClient(request.Endpoint, access.Credential, access.Configure(new LogsIngestionClientOptions()));
        var delivery = new DeliveryStatistics();
        DeadLetterReplayResult result;
        try
        {
            using (delivery.CountCalls())
            {
                result = await DeadLetterReplayer.ReplayAsync(request.DeadLetters, client, request.MaxConcurrency, cancellationToken);
            }
        }
#pragma warning disable CA1031 // The store or the service failed: the message says which; items not yet replayed stay in the store.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await errors.WriteLineAsync($"replay: {e.Message} Items not replayed are still in {request.Location}.");
            return ExitCodes.Failed;
        }

        DeliverySummaryRenderer.RenderReplay(console, delivery, result, request.Location);
        if (result.Kept > 0)
        {
            await errors.WriteLineAsync($"replay: {result.Kept} item(s) failed again and are still in {request.Location} with the new error.");
            return ExitCodes.DeadLettered;
        }

        return ExitCodes.Success;
    }
}

/// <summary>What <c>replay</c> does: the store, its name for messages, where to send, how many calls at once.</summary>
internal sealed record ReplayRequest(IDeadLetterStore DeadLetters, string Location, Uri Endpoint, int MaxConcurrency);
