namespace AuditSentinel.Cli.Commands;

/// <summary>Argument checks shared by the commands that call Azure.</summary>
internal static class CommandArguments
{
    /// <summary>An absolute https URL: tokens are never sent in clear text.</summary>
    internal static Uri HttpsUri(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new UsageException($"{option} must be an absolute https URL, not '{text}'.");
}
