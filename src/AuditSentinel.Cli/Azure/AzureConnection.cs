using Azure.Core;
using AuditSentinel.Azure;

namespace AuditSentinel.Cli.Azure;

/// <summary>How a command reaches Azure: the credential, and the pipeline settings every client it builds gets.</summary>
/// <param name="Credential">The Entra ID credential.</param>
/// <param name="Configure">Applied to each client's options (retries, timeouts; tests add their transport).</param>
internal sealed record AzureConnection(TokenCredential Credential, Action<ClientOptions> Configure)
{
    /// <summary>The <c>--credential</c> choice, with retries patient enough for a long upload from a laptop.</summary>
    internal static AzureConnection For(string credential, Uri endpoint) => new(CredentialChoice.Create(credential, endpoint), static options => PatientRetries.Apply(options.Retry));

    internal T Apply<T>(T options)
        where T : ClientOptions
    {
        Configure(options);
        return options;
    }

}
