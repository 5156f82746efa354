using System.Runtime.InteropServices;

namespace AuditSentinel.Cli.Output;

/// <summary>
/// Counts how often each key occurs. Consecutive rows mostly repeat the previous row's value (lines come in runs per
/// host, users in runs per session, the same kind of event again), so a repeat is counted with one equality test
/// (a reference compare when it is the same string object) and only the end of a run costs a hash lookup. Not
/// thread-safe.
/// </summary>
internal sealed class RunCounts<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, long> _counts = [];
    private TKey? _run;
    private long _runLength;

    /// <summary>Every key counted so far with its count, in the order the keys first occurred.</summary>
    internal IReadOnlyDictionary<TKey, long> Counts
    {
        get
        {
            EndRun();
            return _counts;
        }
    }

    /// <summary>Counts one occurrence of <paramref name="key"/>.</summary>
    internal void Add(TKey key)
    {
        if (_runLength == 0 || !EqualityComparer<TKey>.Default.Equals(key, _run))
        {
            EndRun();
            _run = key;
        }

        _runLength++;
    }

    private void EndRun()
    {
        if (_runLength > 0)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, _run!, out _) += _runLength;
        }

        _run = default;
        _runLength = 0;
    }
}
