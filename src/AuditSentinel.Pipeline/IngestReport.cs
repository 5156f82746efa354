using System.Runtime.InteropServices;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Pipeline;

/// <summary>What one unit of input became: the accounting that proves every line ended somewhere.</summary>
public sealed class IngestReport
{
    private readonly Dictionary<RejectReason, long> _rejected = [];
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);

    // Rows come in long runs of one table (an event's row, then the next event's): a run is counted here and added to
    // the dictionary when the table changes or the counts are read, not looked up by name for every event.
    private string? _runTable;
    private long _runRows;

    /// <summary>The unit.</summary>
    public required IngestSource Source { get; init; }

    /// <summary>Bytes read.</summary>
    public long Bytes { get; internal set; }

    /// <summary>Lines read.</summary>
    public long Lines { get; internal set; }

    /// <summary>Lines that became records.</summary>
    public long Records { get; internal set; }

    /// <summary>Events assembled.</summary>
    public long Events { get; internal set; }

    /// <summary>Events emitted as partial (cut by the unit's end, evicted, or late).</summary>
    public long PartialEvents { get; internal set; }

    /// <summary>TTY and USER_TTY records.</summary>
    public long TtyRecords { get; internal set; }

    /// <summary>Lines that did not become records.</summary>
    public long RejectedLines { get; internal set; }

    /// <summary>Rejected lines by reason.</summary>
    public IReadOnlyDictionary<RejectReason, long> RejectedByReason => _rejected;

    /// <summary>Rows written so far, by table.</summary>
    public IReadOnlyDictionary<string, long> RowsByTable
    {
        get
        {
            AddRun();
            return _rows;
        }
    }

    /// <summary>True when every line is a record or a counted rejection.</summary>
    public bool IsBalanced => Lines == Records + RejectedLines;

    internal void CountRejected(RejectReason reason)
    {
        RejectedLines++;
        _rejected[reason] = _rejected.GetValueOrDefault(reason) + 1;
    }

    /// <summary>Counts rows of a table, named by its schema's one string (a run is told by reference).</summary>
    internal void CountRows(string table, int count)
    {
        if (!ReferenceEquals(table, _runTable))
        {
            AddRun();
            _runTable = table;
        }

        _runRows += count;
    }

    private void AddRun()
    {
        if (_runTable is not null)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_rows, _runTable, out _) += _runRows;
            _runRows = 0;
        }
    }
}
