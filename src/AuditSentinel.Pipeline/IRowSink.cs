namespace AuditSentinel.Pipeline;

/// <summary>Where table rows go: NDJSON files, the Logs Ingestion uploader, a test's list.</summary>
public interface IRowSink
{
    /// <summary>Takes one row of a table, a complete JSON object (copy the bytes: they are reused after the call).</summary>
    /// <param name="table">The table name, e.g. <c>LinuxAuditEvents_CL</c>.</param>
    /// <param name="rowJson">The row as UTF-8 JSON, without a trailing newline.</param>
    void Write(string table, ReadOnlySpan<byte> rowJson);

    /// <summary>
    /// Called between input buffers and at the end of a unit: sends what is ready and applies back-pressure. When it
    /// returns after <paramref name="final"/> is true, every row written so far is delivered or dead-lettered.
    /// </summary>
    ValueTask FlushAsync(bool final, CancellationToken cancellationToken);

    /// <summary>Rows that could not be delivered and were kept in the dead-letter store so far (0 for local sinks).</summary>
    long DeadLetteredRows => 0;
}
