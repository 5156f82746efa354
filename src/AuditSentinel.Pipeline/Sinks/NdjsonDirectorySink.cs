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
    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        // Rows come in runs of one table, named by its schema's one string: a reference compare saves hashing it per row.
        if (!ReferenceEquals(table, _lastTable))
        {
            _lastFile = FileOf(table);
            _lastTable = table;
        }

        _lastFile!.AppendLine(rowJson);
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
        if (!_files.TryGetValue(table, out var file))
        {
            file = new NdjsonFile(PathOf(table));
            _files.Add(table, file);
        }

        return file;
    }

    private string PathOf(string table) => Path.Combine(_directory, table + ".ndjson");
}
