using System.Diagnostics.CodeAnalysis;
using AuditSentinel.Azure;
using AuditSentinel.Azure.Blobs;
using AuditSentinel.Azure.DeadLetters;

namespace AuditSentinel.Cli.Azure;

/// <summary>The <c>--dead-letter</c> / <c>replay</c> location: a local folder, or an https blob container URL (the function app's store).</summary>
internal static class DeadLetterLocation
{
    /// <summary>The folder used when <c>send</c> is given no <c>--dead-letter</c>: nothing undelivered is ever only in memory.</summary>
    internal const string DefaultFolder = "audit-sentinel-dead-letter";

    /// <summary>The blob name prefix of items in a container (the function app's default).</summary>
    internal const string DefaultBlobPrefix = "dead-letter/";

    /// <summary>Whether <paramref name="location"/> names a local folder rather than a container URL (then in <paramref name="uri"/>).</summary>
    internal static bool IsFolder(string location, [NotNullWhen(false)] out Uri? uri) =>
        !Uri.TryCreate(location, UriKind.Absolute, out uri) || uri.IsFile;

    internal static IDeadLetterStore Open(string location, string blobPrefix, Func<Uri, AzureAccess> connect)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        if (IsFolder(location, out var uri))
        {
            return new FolderDeadLetterStore(location);
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new UsageException($"A dead-letter container must be an https URL (https://ACCOUNT.blob.core.windows.net/CONTAINER), not {location}.");
        }

        var access = connect(uri);
        return new BlobDeadLetterStore(new BlobContainerAccess(uri, access.Credential, access.Configure(new BlobAccessOptions())), blobPrefix);
    }
}
