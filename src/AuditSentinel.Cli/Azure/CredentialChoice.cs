using System.CommandLine;
using System.Net;
using Azure.Core;
using Azure.Identity;
using AuditSentinel.Azure;

namespace AuditSentinel.Cli.Azure;

/// <summary>
/// The <c>--credential</c> option: Entra ID credentials only (no keys exist anywhere in this project), and <c>none</c>
/// for local testing, which is refused for anything but a loopback address so a real endpoint never gets a fake token.
/// </summary>
internal static class CredentialChoice
{
    internal static readonly string[] Names = ["default", "managed-identity", "azure-cli", "none"];

    /// <summary>The bearer token <c>--credential none</c> sends to a loopback endpoint.</summary>
    internal const string LoopbackTestToken = "local-testing";

    /// <summary>The <c>--credential</c> option shared by the commands that call Azure.</summary>
    internal static Option<string> CreateOption()
    {
        var option = new Option<string>("--credential")
        {
            Description = "default (DefaultAzureCredential), managed-identity (AZURE_CLIENT_ID for a user-assigned one), azure-cli, or none (loopback test endpoints only).",
            DefaultValueFactory = _ => "default",
        };
        option.AcceptOnlyFromAmong(Names);
        return option;
    }

    /// <summary>The chosen credential, with retries patient enough for a long upload from a laptop.</summary>
    internal static AzureAccess Access(string name, Uri endpoint) => new(Create(name, endpoint), static options => PatientRetries.Apply(options.Retry));

    internal static TokenCredential Create(string name, Uri endpoint) => name switch
    {
        "default" => new DefaultAzureCredential(),
        "managed-identity" => new ManagedIdentityCredential(Environment.GetEnvironmentVariable("AZURE_CLIENT_ID") is { Length: > 0 } clientId
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned),
        "azure-cli" => new AzureCliCredential(),
        "none" when IsLoopback(endpoint) => new LoopbackTestCredential(),
        "none" => throw new UsageException($"--credential none is only for loopback endpoints (local testing); {endpoint.Host} is not one."),
        _ => throw new UsageException($"Unknown credential '{name}'. Use one of: {string.Join(", ", Names)}."),
    };

    internal static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>A fixed bearer token for a local test endpoint: the endpoint checks that one is sent, not what it says.</summary>
    private sealed class LoopbackTestCredential : TokenCredential
    {
        private static readonly AccessToken Token = new(LoopbackTestToken, DateTimeOffset.MaxValue);

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Token;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(Token);
    }
}
