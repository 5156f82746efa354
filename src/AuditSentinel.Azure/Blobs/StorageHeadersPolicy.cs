using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AuditSentinel.Azure.Blobs;

/// <summary>Stamps every attempt with x-ms-version and a fresh x-ms-date, as the Blob service requires.</summary>
internal sealed class StorageHeadersPolicy(string serviceVersion) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", serviceVersion);
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
    }
}
