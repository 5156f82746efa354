using System.Runtime.InteropServices;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Pipeline;

/// <summary>What one unit of input became: the accounting that proves every line ended somewhere.</summary>
public sealed class IngestReport
{
    private readonly Dictionary<RejectReason, long> _rejected = [];
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);

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

    /// <summary>Rows written, by table.</summary>
    public IReadOnlyDictionary<string, long> RowsByTable => _rows;

    /// <summary>True when every line is a record or a counted rejection.</summary>
    public bool IsBalanced => Lines == Records + RejectedLines;

    internal void CountRejected(RejectReason reason)
    {
        RejectedLines++;
        _rejected[reason] = _rejected.GetValueOrDefault(reason) + 1;
    }

    internal void CountRows(string table, int count) => CollectionsMarshal.GetValueRefOrAddDefault(_rows, table, out _) += count;
}
