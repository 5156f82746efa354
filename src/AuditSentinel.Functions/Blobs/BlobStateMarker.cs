using Azure;

namespace AuditSentinel.Functions.Blobs;

/// <summary>The state of a raw blob as read from (or last written to) its marker.</summary>
/// <param name="Blob">The raw blob's name (as escaped in its URL).</param>
/// <param name="State">The state.</param>
/// <param name="ETag">The marker's ETag, or null while no marker exists; the next write is conditional on it.</param>
public sealed record BlobStateMarker(string Blob, BlobState State, ETag? ETag);
