using Azure.Core;

namespace AuditSentinel.TestSupport.Azure;

/// <summary>Client options for the loopback endpoints: trust the loopback certificate, retry fast.</summary>
public static class LoopbackClientOptions
{
    /// <summary>
    /// Fixed 5 ms retry delays (Retry-After still wins); the network timeout stays long unless a test injects
    /// timeouts, because a legitimately slow call that times out is delivered twice.
    /// </summary>
    public static T Apply<T>(T options, int maxRetries = 8, TimeSpan? networkTimeout = null)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Transport = LoopbackTls.CreateTransport();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.NetworkTimeout = networkTimeout ?? TimeSpan.FromSeconds(20);
        return options;
    }
}
