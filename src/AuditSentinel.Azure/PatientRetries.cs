using Azure.Core;

namespace AuditSentinel.Azure;

/// <summary>
/// Retry settings for calls whose failure costs a manual replay: throttling (429) and outages (5xx) usually pass
/// within minutes, so up to 10 retries, exponential from 1 s to 60 s; Azure.Core honours Retry-After.
/// </summary>
public static class PatientRetries
{
    /// <summary>Sets <paramref name="retry"/> to the patient policy.</summary>
    public static void Apply(RetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 10;
        retry.Delay = TimeSpan.FromSeconds(1);
        retry.MaxDelay = TimeSpan.FromSeconds(60);
    }
}
