using Azure.Core;
using Azure.Identity;

namespace AuditSentinel.Functions.Hosting;

/// <summary>
/// How the handler reaches Azure: the credential (the app's system-assigned managed identity) and a hook for the
/// pipeline options of every client. Tests replace it to point the same code at Azurite and a loopback endpoint.
/// </summary>
/// <param name="Credential">The token credential used for Storage and the Logs Ingestion API.</param>
/// <param name="ConfigureClient">Applied to the options of each Azure.Core client (transport, retry), or null.</param>
public sealed record AzureAccess(TokenCredential Credential, Action<ClientOptions>? ConfigureClient = null)
{
    /// <summary>The function app's system-assigned identity; no key, secret or connection string anywhere.</summary>
    public static AzureAccess ManagedIdentity() => new(new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned));

    /// <summary>Applies <see cref="ConfigureClient"/> to <paramref name="options"/> and returns them.</summary>
    public T Configure<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfigureClient?.Invoke(options);
        return options;
    }
}
