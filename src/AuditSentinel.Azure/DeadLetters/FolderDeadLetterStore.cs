using System.Runtime.CompilerServices;

namespace AuditSentinel.Azure.DeadLetters;

/// <summary>Dead-letter items as files in a local folder (the CLI's store; same format as the blob store).</summary>
public sealed class FolderDeadLetterStore : IDeadLetterStore
{
    private readonly string _folder;

    /// <summary>Uses (and creates) <paramref name="folder"/>.</summary>
    public FolderDeadLetterStore(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(DeadLetterInfo info, IEnumerable<ReadOnlyMemory<byte>> rows, CancellationToken cancellationToken = default)
    {
        var id = DeadLetterFormat.NewId(info);
        var path = PathOf(id);
        var partial = path + ".partial";
        var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            DeadLetterFormat.Write(file, info, rows);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        // Readers list only complete items: the rename is the commit.
        File.Move(partial, path);
        return id;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var names = Directory.GetFiles(_folder, "*" + DeadLetterFormat.Extension);
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Path.GetFileName(name)[..^DeadLetterFormat.Extension.Length];
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<DeadLetterItem> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        using var file = File.OpenRead(PathOf(id));
        return Task.FromResult(DeadLetterFormat.Read(id, file));
    }

    /// <inheritdoc />
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(id));
        return Task.CompletedTask;
    }

    private string PathOf(string id)
    {
        if (id.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Not a dead-letter id: {id}", nameof(id));
        }

        return Path.Combine(_folder, id + DeadLetterFormat.Extension);
    }
}
