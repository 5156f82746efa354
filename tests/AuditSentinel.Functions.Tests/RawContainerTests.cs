using AuditSentinel.Functions.Blobs;

namespace AuditSentinel.Functions.Tests;

public sealed class RawContainerTests
{
    private readonly RawContainer _raw = new(new Uri("https://stauditd.blob.core.windows.net/raw-logs"));

    [Theory]
    [InlineData("https://stauditd.blob.core.windows.net/raw-logs/vm/2026/11/29/1-2.log.gz", "vm/2026/11/29/1-2.log.gz")]
    [InlineData("https://STAUDITD.blob.core.windows.net/raw-logs/with%20space.log", "with%20space.log")]
    public void A_blob_of_the_container_is_named_as_in_its_url(string url, string name) => Assert.Equal(name, _raw.BlobName(url));

    [Theory]
    [InlineData("https://stauditd.blob.core.windows.net/dead-letter/x.log")]
    [InlineData("https://other.blob.core.windows.net/raw-logs/x.log")]
    [InlineData("http://stauditd.blob.core.windows.net/raw-logs/x.log")]
    [InlineData("https://stauditd.blob.core.windows.net/raw-logs/../dead-letter/x.log")]
    [InlineData("https://stauditd.blob.core.windows.net/raw-logs/%2e%2e/dead-letter/x.log")]
    [InlineData("https://stauditd.blob.core.windows.net/raw-logs/x.log?comp=metadata")]
    [InlineData("https://stauditd.blob.core.windows.net/raw-logs/")]
    [InlineData("https://stauditd.blob.core.windows.net/raw-logs-2/x.log")]
    public void Anything_else_is_refused(string url) => Assert.Throws<ArgumentException>(() => _raw.BlobName(url));
}
