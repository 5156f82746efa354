using Azure.Core;
using Azure.Core.Pipeline;

namespace AuditSentinel.Pipeline.Delivery;

/// <summary>
/// Counts every HTTP attempt of a Logs Ingestion call into the <see cref="DeliveryStatistics"/> the message carries
/// (set by <see cref="LogsIngestionSink"/> through a message-properties scope). It sits after Azure.Core's retry
/// policy, so it sees the retries the pipeline really made rather than an estimate.
/// </summary>
internal sealed class DeliveryStatisticsPolicy : HttpPipelinePolicy
{
    internal const string StatisticsProperty = "AuditSentinel.Delivery.Statistics";
    private const string CountedProperty = "AuditSentinel.Delivery.CountedAttempt";

    internal static DeliveryStatisticsPolicy Shared { get; } = new();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private static void Count(HttpMessage message)
    {
        if (!message.TryGetProperty(StatisticsProperty, out var value) || value is not DeliveryStatistics statistics)
        {
            return;
        }

        // Options reused for two clients would add the policy twice: count each attempt once.
        var attempt = message.ProcessingContext.RetryNumber;
        if (message.TryGetProperty(CountedProperty, out var counted) && counted is int last && last == attempt)
        {
            return;
        }

        message.SetProperty(CountedProperty, attempt);
        statistics.CountAttempt(attempt);
    }
}
