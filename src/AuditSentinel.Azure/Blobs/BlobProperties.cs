using Azure;

namespace AuditSentinel.Azure.Blobs;

/// <summary>What a HEAD of a blob tells: its version and its user metadata.</summary>
/// <param name="ETag">The blob's ETag; it changes with every write of content or metadata.</param>
/// <param name="Metadata">The user metadata (x-ms-meta-* without the prefix), names case-insensitive.</param>
public sealed record BlobProperties(ETag ETag, IReadOnlyDictionary<string, string> Metadata);
