using Azure.Core;
using Azure.Identity;

namespace AuditSentinel.Azure;

/// <summary>
/// How a program reaches Azure: the credential, and a hook for the pipeline options (retries, timeouts) of every
/// client it builds. The function app and the CLI build their clients through it; tests replace it to point the same
/// code at Azurite and loopback endpoints.
/// </summary>
/// <param name="Credential">The Entra ID token credential used for Storage, the Logs Ingestion API and queries.</param>
/// <param name="ConfigureClient">Applied to the options of each Azure.Core client, or null to keep the defaults.</param>
public sealed record AzureAccess(TokenCredential Credential, Action<ClientOptions>? ConfigureClient = null)
{
    /// <summary>The system-assigned managed identity of the host; no key, secret or connection string anywhere.</summary>
    public static AzureAccess ManagedIdentity() => new(new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned));

    /// <summary>Applies <see cref="ConfigureClient"/> to <paramref name="options"/> and returns them.</summary>
    /// <typeparam name="T">The client's options type.</typeparam>
    /// <param name="options">New options for one client.</param>
    /// <returns>The same <paramref name="options"/>.</returns>
    public T Configure<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfigureClient?.Invoke(options);
        return options;
    }
}
