using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AuditSentinel.Azure.Blobs;

/// <summary>
/// The few Blob REST operations the pipeline needs, on Azure.Core's HttpPipeline with a TokenCredential
/// (managed identity in production): resumable ranged reads, streamed block uploads, metadata (optionally
/// conditional on the ETag), create-if-absent, index tags, listing by prefix, delete.
/// </summary>
public sealed class BlobContainerAccess
{
    private readonly HttpPipeline _pipeline;
    private readonly Uri _container;
    private readonly BlobAccessOptions _options;

    /// <summary>Creates access to one container, e.g. <c>https://account.blob.core.windows.net/audit-logs</c>.</summary>
    public BlobContainerAccess(Uri containerUri, TokenCredential credential, BlobAccessOptions? options = null)
        : this(containerUri, new BearerTokenAuthenticationPolicy(credential, (options ??= new BlobAccessOptions()).Scope), options)
    {
    }

    /// <summary>Creates access with another authentication policy (tests against emulators).</summary>
    public BlobContainerAccess(Uri containerUri, HttpPipelinePolicy authentication, BlobAccessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        _options = options ?? new BlobAccessOptions();
        _container = new Uri(containerUri.AbsoluteUri.TrimEnd('/'));
        _pipeline = HttpPipelineBuilder.Build(_options, [], [new StorageHeadersPolicy(_options.ServiceVersion), authentication], new ResponseClassifier());
    }

    /// <summary>Creates the container; an existing one is fine.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, null, cancellationToken, 201, 409);
        message.Request.Uri.AppendQuery("restype", "container");
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads <paramref name="content"/> as a block blob, block by block (never buffered whole).</summary>
    public async Task UploadAsync(string name, Stream content, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blockIds = new List<string>();
        var buffer = ArrayPool<byte>.Shared.Rent(_options.BlockSize);
        try
        {
            int filled;
            while ((filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, _options.BlockSize), _options.BlockSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) > 0)
            {
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D8", CultureInfo.InvariantCulture)));
                using var block = Create(RequestMethod.Put, name, cancellationToken, 201);
                block.Request.Uri.AppendQuery("comp", "block");
                block.Request.Uri.AppendQuery("blockid", blockId);
                block.Request.Content = RequestContent.Create(buffer.AsMemory(0, filled));
                await SendAsync(block, cancellationToken).ConfigureAwait(false);
                blockIds.Add(blockId);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var list = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds)
        {
            list.Append("<Latest>").Append(id).Append("</Latest>");
        }

        list.Append("</BlockList>");
        using var commit = Create(RequestMethod.Put, name, cancellationToken, 201);
        commit.Request.Uri.AppendQuery("comp", "blocklist");
        AddMetadata(commit.Request, metadata);
        commit.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(list.ToString()));
        await SendAsync(commit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a read stream that resumes from where it broke, failing clearly if the blob changed meanwhile.</summary>
    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) =>
        OpenReadAsync(name, null, cancellationToken);

    /// <summary>
    /// Opens a read stream of the version <paramref name="ifMatch"/> names (If-Match): a blob replaced since that
    /// ETag was seen fails with 412 instead of being read in place of it.
    /// </summary>
    public async Task<Stream> OpenReadAsync(string name, ETag? ifMatch, CancellationToken cancellationToken = default)
    {
        var first = await GetRangeAsync(name, 0, ifMatch, cancellationToken).ConfigureAwait(false);
        return new ResumableBlobReadStream(this, name, first, _options.MaxReadResumes);
    }

    /// <summary>The blob's user metadata (x-ms-meta-*).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetMetadataAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetPropertiesAsync(name, cancellationToken).ConfigureAwait(false)).Metadata;

    /// <summary>The blob's ETag and user metadata (x-ms-meta-*), without reading its content.</summary>
    public async Task<BlobProperties> GetPropertiesAsync(string name, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Head, name, cancellationToken, 200);
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        const string prefix = "x-ms-meta-";
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Response.Headers)
        {
            if (header.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[prefix.Length..]] = header.Value;
            }
        }

        return new BlobProperties(ETagOf(message.Response), metadata);
    }

    /// <summary>
    /// Creates an empty blob carrying <paramref name="metadata"/> only if no blob of that name exists
    /// (If-None-Match: *): of several callers racing for the same name exactly one succeeds; the others get
    /// <see cref="RequestFailedException"/> 409 BlobAlreadyExists.
    /// </summary>
    /// <returns>The new blob's ETag.</returns>
    public async Task<ETag> CreateIfAbsentAsync(string name, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, name, cancellationToken, 201);
        message.Request.Headers.Add("x-ms-blob-type", "BlockBlob");
        message.Request.Headers.Add(HttpHeader.Names.IfNoneMatch, "*");
        AddMetadata(message.Request, metadata);
        message.Request.Content = RequestContent.Create(ReadOnlyMemory<byte>.Empty);
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return ETagOf(message.Response);
    }

    /// <summary>Replaces the blob's user metadata.</summary>
    /// <returns>The blob's new ETag.</returns>
    public Task<ETag> SetMetadataAsync(string name, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
        SetMetadataAsync(name, metadata, null, cancellationToken);

    /// <summary>
    /// Replaces the blob's user metadata if the blob still has the ETag <paramref name="ifMatch"/> (If-Match); a blob
    /// changed since fails with <see cref="RequestFailedException"/> 412 ConditionNotMet and is left as it is.
    /// </summary>
    /// <returns>The blob's new ETag.</returns>
    public async Task<ETag> SetMetadataAsync(string name, IReadOnlyDictionary<string, string> metadata, ETag? ifMatch, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, name, cancellationToken, 200);
        message.Request.Uri.AppendQuery("comp", "metadata");
        if (ifMatch is { } etag)
        {
            message.Request.Headers.Add(HttpHeader.Names.IfMatch, etag.ToString("H"));
        }

        AddMetadata(message.Request, metadata);
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return ETagOf(message.Response);
    }

    /// <summary>Replaces the blob's index tags (used as the processed marker).</summary>
    public async Task SetTagsAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><Tags><TagSet>");
        foreach (var (key, value) in tags)
        {
            xml.Append("<Tag><Key>").Append(SecurityElementEscape(key)).Append("</Key><Value>").Append(SecurityElementEscape(value)).Append("</Value></Tag>");
        }

        xml.Append("</TagSet></Tags>");
        using var message = Create(RequestMethod.Put, name, cancellationToken, 204);
        message.Request.Uri.AppendQuery("comp", "tags");
        message.Request.Headers.Add(HttpHeader.Names.ContentType, "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString()));
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The blob's index tags.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string name, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Get, name, cancellationToken, 200);
        message.Request.Uri.AppendQuery("comp", "tags");
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(message.Response.ContentStream!, new XmlReaderSettings { Async = true });
        string? key = null;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "Key")
            {
                key = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Name == "Value" && key is not null)
            {
                tags[key] = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
            }
        }

        return tags;
    }

    /// <summary>Names of blobs starting with <paramref name="prefix"/>, in name order, page by page.</summary>
    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            using var message = Create(RequestMethod.Get, null, cancellationToken, 200);
            message.Request.Uri.AppendQuery("restype", "container");
            message.Request.Uri.AppendQuery("comp", "list");
            message.Request.Uri.AppendQuery("prefix", prefix);
            if (marker is not null)
            {
                message.Request.Uri.AppendQuery("marker", marker);
            }

            await SendAsync(message, cancellationToken).ConfigureAwait(false);
            marker = null;
            var names = new List<string>();
            using (var reader = XmlReader.Create(message.Response.ContentStream!, new XmlReaderSettings { Async = true }))
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Name == "Name" && reader.Depth == 3)
                    {
                        names.Add(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false));
                    }
                    else if (reader.NodeType == XmlNodeType.Element && reader.Name == "NextMarker")
                    {
                        var next = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                        marker = next.Length > 0 ? next : null;
                    }
                }
            }

            foreach (var name in names)
            {
                yield return name;
            }
        }
        while (marker is not null);
    }

    /// <summary>Deletes a blob; a missing one is fine.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Delete, name, cancellationToken, 202, 404);
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET from <paramref name="offset"/> to the end; the response stream is left to the caller.</summary>
    internal async Task<BlobRange> GetRangeAsync(string name, long offset, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var message = Create(RequestMethod.Get, name, cancellationToken, 200, 206);
        try
        {
            message.BufferResponse = false;
            message.Request.Headers.Add("x-ms-range", string.Create(CultureInfo.InvariantCulture, $"bytes={offset}-"));
            if (ifMatch is { } etag)
            {
                message.Request.Headers.Add(HttpHeader.Names.IfMatch, etag.ToString("H"));
            }

            await SendAsync(message, cancellationToken).ConfigureAwait(false);
            var response = message.Response;
            var length = response.Headers.TryGetValue("Content-Range", out var range) && range.LastIndexOf('/') is var slash and >= 0
                ? long.Parse(range.AsSpan(slash + 1), CultureInfo.InvariantCulture)
                : offset + (response.Headers.ContentLength ?? 0);
            return new BlobRange(message.ExtractResponseContent()!, response.Headers.ETag ?? default, length);
        }
        finally
        {
            message.Dispose();
        }
    }

    private HttpMessage Create(RequestMethod method, string? name, CancellationToken cancellationToken, params ReadOnlySpan<ushort> success)
    {
        var message = _pipeline.CreateMessage(new RequestContext { CancellationToken = cancellationToken }, new StatusCodeClassifier(success));
        message.Request.Method = method;
        message.Request.Uri.Reset(_container);
        if (name is not null)
        {
            message.Request.Uri.AppendPath("/", false);
            message.Request.Uri.AppendPath(name, false);
        }

        return message;
    }

    private async Task SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.IsError)
        {
            throw ServiceErrors.Create(message.Response);
        }
    }

    private static ETag ETagOf(Response response) =>
        response.Headers.ETag ?? throw new InvalidOperationException($"The storage service answered {response.Status} without an ETag.");

    private static void AddMetadata(Request request, IReadOnlyDictionary<string, string>? metadata)
    {
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            request.Headers.Add("x-ms-meta-" + key, value);
        }
    }

    private static string SecurityElementEscape(string text) => System.Security.SecurityElement.Escape(text);
}

/// <summary>An open ranged download: body stream, the blob's ETag, and its full length.</summary>
internal sealed record BlobRange(Stream Content, ETag ETag, long BlobLength);
