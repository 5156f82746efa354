using System.CommandLine;
using AuditSentinel.Pipeline.Delivery;

namespace AuditSentinel.Cli.Commands;

/// <summary>Options and argument checks shared by the commands that call Azure.</summary>
internal static class CommandArguments
{
    /// <summary><c>--concurrency N</c>: calls in flight at once, at least 1.</summary>
    internal static Option<int> ConcurrencyOption(string description)
    {
        var option = new Option<int>("--concurrency") { Description = description, DefaultValueFactory = _ => new DeliveryOptions().MaxConcurrency };
        option.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--concurrency must be at least 1.");
            }
        });
        return option;
    }

    /// <summary>An absolute https URL: tokens are never sent in clear text.</summary>
    internal static Uri HttpsUri(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new UsageException($"{option} must be an absolute https URL, not '{text}'.");
}
