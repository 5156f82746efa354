using Azure.Core;

namespace AuditSentinel.TestSupport.Azure;

/// <summary>A credential that hands out one fixed token and records the scopes asked for.</summary>
public sealed class StaticTokenCredential(string token) : TokenCredential
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _scopes = new();

    public string Token { get; } = token;

    public IReadOnlyCollection<string> RequestedScopes => _scopes;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            _scopes.Enqueue(scope);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
