using AuditSentinel.Parsing.Input;

namespace AuditSentinel.Pipeline;

/// <summary>Runs a whole stream (a file, a blob download, standard input) through an <see cref="IngestSession"/>.</summary>
public static class LogIngestion
{
    /// <summary>Reads the stream to its end (gzip recognised by content) and completes the unit.</summary>
    /// <param name="stream">The log; disposed when done.</param>
    /// <param name="source">The unit's name and kind.</param>
    /// <param name="options">Pipeline settings.</param>
    /// <param name="rows">Where rows go.</param>
    /// <param name="rejected">Where rejected lines go.</param>
    /// <param name="progress">Optional: told the bytes read so far after each buffer.</param>
    /// <param name="cancellationToken">Cancels reading and sending.</param>
    public static async Task<IngestReport> IngestStreamAsync(
        Stream stream,
        IngestSource source,
        IngestOptions options,
        IRowSink rows,
        IRejectedLineSink rejected,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var session = new IngestSession(source, options, rows, rejected);
        await using var reader = await LogLineReader.OpenAsync(stream, cancellationToken: cancellationToken);
        while (await reader.FillAsync(cancellationToken))
        {
            while (reader.TryReadLine(out var line))
            {
                if (line.Truncated)
                {
                    session.AddTruncatedLine(line.Bytes.Span, line.Number);
                }
                else
                {
                    session.AddLine(line.Bytes.Span, line.Number);
                }
            }

            progress?.Report(reader.BytesRead);
            await session.FlushAsync(cancellationToken);
        }

        return await session.CompleteAsync(inputContinues: false, cancellationToken);
    }
}
