namespace AuditSentinel.Parsing.Events;

/// <summary>The open events, oldest arrival first, linked through the events themselves; emitted ones are kept for reuse.</summary>
internal sealed class ArrivalOrder
{
    private readonly Stack<OpenEvent> _spare = new();
    private OpenEvent? _last;

    /// <summary>The oldest open event, or null.</summary>
    public OpenEvent? First { get; private set; }

    /// <summary>Opens an event (a spare one when there is one) at the end of the order.</summary>
    public OpenEvent AddLast(EventKey key, bool late)
    {
        var added = _spare.TryPop(out var spare) ? spare : new OpenEvent();
        added.Open(key, late);
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
        return added;
    }

    /// <summary>Unlinks an event whose records were taken, and keeps it for reuse.</summary>
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
        _spare.Push(removed);
    }
}
