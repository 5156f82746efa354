using Azure.Core;

namespace AuditSentinel.Azure.Query;

/// <summary>Pipeline options for <see cref="LogsQueryClient"/>.</summary>
public sealed class LogsQueryClientOptions : ClientOptions
{
    /// <summary>The Log Analytics query endpoint (public cloud by default).</summary>
    public Uri Endpoint { get; set; } = new("https://api.loganalytics.io");

    /// <summary>The token scope for <see cref="Endpoint"/>.</summary>
    public string Scope { get; set; } = "https://api.loganalytics.io//.default";
}
