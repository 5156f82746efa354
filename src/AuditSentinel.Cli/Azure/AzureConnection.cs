using Azure.Core;

namespace AuditSentinel.Cli.Azure;

/// <summary>How a command reaches Azure: the credential, and the pipeline settings every client it builds gets.</summary>
/// <param name="Credential">The Entra ID credential.</param>
/// <param name="Configure">Applied to each client's options (retries, timeouts; tests add their transport).</param>
internal sealed record AzureConnection(TokenCredential Credential, Action<ClientOptions> Configure)
{
    /// <summary>The <c>--credential</c> choice, with retries patient enough for a long upload from a laptop.</summary>
    internal static AzureConnection For(string credential, Uri endpoint) => new(CredentialChoice.Create(credential, endpoint), ConfigureRetries);

    internal T Apply<T>(T options)
        where T : ClientOptions
    {
        Configure(options);
        return options;
    }

    // Throttling (429) and outages (5xx) usually pass within minutes: up to 10 retries, exponential from 1 s to 60 s,
    // Retry-After honoured by Azure.Core.
    private static void ConfigureRetries(ClientOptions options)
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 10;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(60);
    }
}
