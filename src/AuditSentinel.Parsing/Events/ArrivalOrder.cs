namespace AuditSentinel.Parsing.Events;

/// <summary>The open events, oldest arrival first, linked through the events themselves.</summary>
internal sealed class ArrivalOrder
{
    private OpenEvent? _last;

    /// <summary>The oldest open event, or null.</summary>
    public OpenEvent? First { get; private set; }

    /// <summary>Links an event just opened at the end of the order.</summary>
    public void AddLast(OpenEvent added)
    {
        added.Previous = _last;
        added.Next = null;
        if (_last is null)
        {
            First = added;
        }
        else
        {
            _last.Next = added;
        }

        _last = added;
    }

    /// <summary>Unlinks an event whose records were taken.</summary>
    public void Remove(OpenEvent removed)
    {
        if (removed.Previous is null)
        {
            First = removed.Next;
        }
        else
        {
            removed.Previous.Next = removed.Next;
        }

        if (removed.Next is null)
        {
            _last = removed.Previous;
        }
        else
        {
            removed.Next.Previous = removed.Previous;
        }

        removed.Previous = removed.Next = null;
    }
}
