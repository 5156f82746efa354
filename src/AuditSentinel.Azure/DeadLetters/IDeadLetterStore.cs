namespace AuditSentinel.Azure.DeadLetters;

/// <summary>Keeps rows that could not be delivered so they can be replayed; every item is one gzip NDJSON file.</summary>
public interface IDeadLetterStore
{
    /// <summary>Writes one item and returns its id.</summary>
    Task<string> WriteAsync(DeadLetterInfo info, IEnumerable<ReadOnlyMemory<byte>> rows, CancellationToken cancellationToken = default);

    /// <summary>Ids of all items, oldest first.</summary>
    IAsyncEnumerable<string> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one item back.</summary>
    Task<DeadLetterItem> ReadAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Removes one item.</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);
}
