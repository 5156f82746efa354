using Azure.Core;

namespace AuditSentinel.Azure.Blobs;

/// <summary>Pipeline options for <see cref="BlobContainerAccess"/>.</summary>
public sealed class BlobAccessOptions : ClientOptions
{
    /// <summary>The Blob REST API version sent as x-ms-version.</summary>
    public string ServiceVersion { get; set; } = "2024-11-04";

    /// <summary>The token scope (managed identity needs Storage Blob Data Reader on the container to read, Contributor to write).</summary>
    public string Scope { get; set; } = "https://storage.azure.com/.default";

    /// <summary>Block size for uploads (default 4 MiB).</summary>
    public int BlockSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many times a broken download is resumed before giving up.</summary>
    public int MaxReadResumes { get; set; } = 5;
}
