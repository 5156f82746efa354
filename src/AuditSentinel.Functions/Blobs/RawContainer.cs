namespace AuditSentinel.Functions.Blobs;

/// <summary>
/// The raw-logs container the blob function may read. An event's URL is only followed when it names a blob in this
/// container, so a forged or misrouted event cannot make the handler read anything else with its identity.
/// </summary>
public sealed class RawContainer(Uri containerUri)
{
    private readonly string _prefix = containerUri.AbsolutePath.TrimEnd('/') + "/";

    /// <summary>The container URL.</summary>
    public Uri Uri { get; } = containerUri;

    /// <summary>The blob name (as escaped in the URL) of <paramref name="blobUrl"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not a blob of this container.</exception>
    public string BlobName(string blobUrl)
    {
        if (!System.Uri.TryCreate(blobUrl, UriKind.Absolute, out var url)
            || url.Scheme != System.Uri.UriSchemeHttps
            || !string.Equals(url.Authority, Uri.Authority, StringComparison.OrdinalIgnoreCase)
            || url.Query.Length > 0
            || url.Fragment.Length > 0
            || !url.AbsolutePath.StartsWith(_prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{blobUrl} is not a blob of the raw container {Uri}.", nameof(blobUrl));
        }

        var name = url.AbsolutePath[_prefix.Length..];
        var segments = name.Split('/');
        if (name.Length == 0 || segments.Any(s => System.Uri.UnescapeDataString(s) is "" or "." or ".."))
        {
            throw new ArgumentException($"{blobUrl} does not name a blob: empty, '.' or '..' path segments are refused.", nameof(blobUrl));
        }

        return name;
    }
}
