using System.Text.Json.Serialization;

namespace AuditSentinel.Functions.Protocol;

/// <summary>
/// The reply to an invocation: <c>{"Outputs":{},"Logs":[],"ReturnValue":null}</c> (azure-functions-host,
/// HttpScriptInvocationResult). The host writes each of <see cref="Logs"/> to the invocation's log, so they reach
/// Application Insights with the invocation id. Our functions have no output bindings, so the host ignores
/// Outputs and ReturnValue; the summary goes in both because the host warns on every invocation where either is empty.
/// </summary>
public sealed class InvocationResponse
{
    private InvocationResponse(object summary, IReadOnlyList<string> logs)
    {
        Outputs = new Dictionary<string, object>(StringComparer.Ordinal) { ["summary"] = summary };
        Logs = logs;
        ReturnValue = summary;
    }

    /// <summary>Output binding values by name.</summary>
    [JsonPropertyName("Outputs")]
    public IReadOnlyDictionary<string, object> Outputs { get; }

    /// <summary>Lines the host logs for the invocation.</summary>
    [JsonPropertyName("Logs")]
    public IReadOnlyList<string> Logs { get; }

    /// <summary>The $return binding value.</summary>
    [JsonPropertyName("ReturnValue")]
    public object ReturnValue { get; }

    /// <summary>A reply carrying a summary object and log lines.</summary>
    public static InvocationResponse Of(object summary, params IReadOnlyList<string> logs) => new(summary, logs);
}
