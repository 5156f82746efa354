using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Pipeline;

/// <summary>Where table rows go: NDJSON files, the Logs Ingestion uploader, a test's list.</summary>
public interface IRowSink
{
    /// <summary>Takes one row of a table, a complete JSON object (copy the bytes: they are reused after the call).</summary>
    /// <param name="table">The table name, e.g. <c>LinuxAuditEvents_CL</c>.</param>
    /// <param name="rowJson">The row as UTF-8 JSON, without a trailing newline.</param>
    void Write(string table, ReadOnlySpan<byte> rowJson);

    /// <summary>
    /// Takes one row as the mapper made it; this is what <see cref="IngestSession"/> calls. By default the row is
    /// serialized with <paramref name="json"/> and handed to <see cref="Write(string, ReadOnlySpan{byte})"/>. A sink
    /// that needs the row's values rather than its JSON (the CLI's run summary) takes the row itself, so a row that
    /// is only counted is never serialized.
    /// </summary>
    /// <typeparam name="TRow">The row type of <paramref name="table"/>.</typeparam>
    /// <param name="table">The row's table.</param>
    /// <param name="row">The row; read it during the call, do not keep it: the pipeline fills the same object again for a later event.</param>
    /// <param name="json">The pipeline's row writer, to serialize the row with when its JSON is needed.</param>
    void Write<TRow>(RowTable<TRow> table, TRow row, RowJsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(json);
        Write(table.Schema.Name, json.Serialize(table, row));
    }

    /// <summary>
    /// Called between input buffers and at the end of a unit: sends what is ready and applies back-pressure. When it
    /// returns after <paramref name="final"/> is true, every row written so far is delivered or dead-lettered.
    /// </summary>
    ValueTask FlushAsync(bool final, CancellationToken cancellationToken);

    /// <summary>Rows that could not be delivered and were kept in the dead-letter store so far (0 for local sinks).</summary>
    long DeadLetteredRows => 0;
}
