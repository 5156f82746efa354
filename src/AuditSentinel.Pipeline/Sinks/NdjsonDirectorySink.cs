using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Pipeline.Sinks;

/// <summary>Writes each table's rows to <c>&lt;Table&gt;.ndjson</c> in a folder: one JSON object per line, exactly the rows an upload would send.</summary>
public sealed class NdjsonDirectorySink : IRowSink, IAsyncDisposable
{
    private readonly string _directory;
    private readonly Dictionary<string, NdjsonFile> _files = new(StringComparer.Ordinal);
    private string? _lastTable;
    private NdjsonFile? _lastFile;

    /// <summary>Creates the folder if needed; the file of each table written to is replaced (the parse command removes the others first).</summary>
    public NdjsonDirectorySink(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The files written so far, by table.</summary>
    public IEnumerable<string> Files => _files.Keys.Select(PathOf);

    /// <inheritdoc />
    public void Write(string table, ReadOnlySpan<byte> rowJson) => FileOf(table).AppendLine(rowJson);

    /// <summary>
    /// Serializes <paramref name="row"/> straight into its table's file buffer, so its JSON is written once and not
    /// copied; <paramref name="json"/>, the pipeline's writer, is not needed.
    /// </summary>
    public void Write<TRow>(RowTable<TRow> table, TRow row, RowJsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(table);
        FileOf(table.Schema.Name).Append(table, row);
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(bool final, CancellationToken cancellationToken)
    {
        if (!final)
        {
            return;
        }

        foreach (var file in _files.Values)
        {
            await file.FlushAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files.Values)
        {
            await file.DisposeAsync();
        }

        _files.Clear();
        _lastTable = null;
        _lastFile = null;
    }

    private NdjsonFile FileOf(string table)
    {
        // Rows come in runs of one table, named by its schema's one string: a reference compare saves hashing it per row.
        if (ReferenceEquals(table, _lastTable))
        {
            return _lastFile!;
        }

        if (!_files.TryGetValue(table, out var file))
        {
            file = new NdjsonFile(PathOf(table));
            _files.Add(table, file);
        }

        _lastTable = table;
        _lastFile = file;
        return file;
    }

    private string PathOf(string table) => Path.Combine(_directory, table + ".ndjson");
}
