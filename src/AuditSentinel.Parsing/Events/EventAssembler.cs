using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Events;

/// <summary>
/// Groups records into events by (node, timestamp, serial), as auparse does: an event ends with a record type that
/// ends events (EOE, PROCTITLE, single-record types), when a record starting another event at least the end-of-event timeout later
/// arrives, or at the end of the input. Interleaved and out-of-order records are fine; memory is bounded by
/// <see cref="EventAssemblerOptions.MaxOpenEvents"/> and <see cref="EventAssemblerOptions.MaxOpenBytes"/>, and nothing is
/// dropped: an evicted event is emitted as partial.
/// An event holding only records that follow a syscall record began before the input did and is partial too
/// (<see cref="PartialReason.MissingStart"/>).
/// </summary>
public sealed class EventAssembler
{
    private readonly EventAssemblerOptions _options;
    private readonly Dictionary<EventKey, OpenEvent> _open = [];
    private readonly ArrivalOrder _byArrival = new();
    private readonly HashSet<EventKey> _recentlyEmitted = [];
    private readonly Queue<EventKey> _recentOrder = new();
    private long _oldestOpenSeconds = long.MaxValue;
    private long _openBytes;
    private OpenEvent? _lastJoined;

    /// <summary>Creates an assembler.</summary>
    public EventAssembler(EventAssemblerOptions? options = null)
    {
        _options = options ?? new EventAssemblerOptions();
        if (_options.EndOfEventTimeoutSeconds < 0 || _options.MaxOpenEvents < 1 || _options.MaxOpenBytes < 1 || _options.RecentlyEmittedMemory < 0)
        {
            throw new ArgumentException("The end-of-event timeout and the memory must not be negative, and at least one event and one byte must be allowed open.", nameof(options));
        }
    }

    /// <summary>Events still open.</summary>
    public int OpenEvents => _open.Count;

    /// <summary>Adds a record; events it completes are appended to <paramref name="completed"/>.</summary>
    public void Add(AuditRecord record, ICollection<AuditEvent> completed)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(completed);
        var key = new EventKey(record.Node, record.Timestamp, record.Serial);
        var node = _lastJoined;

        // The records of an event mostly arrive one after another: the event the previous record joined saves a lookup.
        if ((node is null || !node.IsOpen || !node.Key.Equals(key)) && !_open.TryGetValue(key, out node))
        {
            // As ausearch (ausearch-lol.c) does: a record that starts an event completes the open events it is at
            // least the timeout later than. A late, older record completes nothing; records joining an event never do.
            CompleteTimedOut(record.Timestamp.Seconds, completed);
            _oldestOpenSeconds = Math.Min(_oldestOpenSeconds, record.Timestamp.Seconds);
            var late = _recentlyEmitted.Contains(key);
            node = _byArrival.AddLast(key, late);
            _open.Add(key, node);
            if (_open.Count > _options.MaxOpenEvents)
            {
                Emit(_byArrival.First!, PartialReason.Evicted, completed);
            }
        }

        _openBytes += node.Add(record);
        _lastJoined = node;
        if (RecordType.EndsEvent(record.TypeNumber))
        {
            Emit(node, PartialReason.None, completed);
        }

        // Crafted long records: the oldest events go, this one too when it alone is over (its later records then
        // form a LateRecord event), so memory stays bounded and nothing is dropped.
        while (_openBytes > _options.MaxOpenBytes && _byArrival.First is { } oldest)
        {
            Emit(oldest, PartialReason.Evicted, completed);
        }
    }

    /// <summary>
    /// Declares that an event was already emitted elsewhere, e.g. cut partial at the end of the previous unit of a
    /// stream: its records that arrive now form an event flagged <see cref="PartialReason.LateRecord"/>, never one
    /// that looks whole.
    /// </summary>
    public void RememberEmitted(EventKey key) => Remember(key);

    /// <summary>Emits every open event: at the end of a whole log (<paramref name="inputContinues"/> false) they are
    /// complete, as auparse treats them; at the end of one unit of a stream they are partial.</summary>
    public void Flush(ICollection<AuditEvent> completed, bool inputContinues = false)
    {
        ArgumentNullException.ThrowIfNull(completed);
        while (_byArrival.First is { } first)
        {
            Emit(first, inputContinues ? PartialReason.InputBoundary : PartialReason.None, completed);
        }
    }

    private void CompleteTimedOut(long now, ICollection<AuditEvent> completed)
    {
        // _oldestOpenSeconds is a lower bound of the open events' times, so most records skip the scan.
        if (_oldestOpenSeconds > now - _options.EndOfEventTimeoutSeconds)
        {
            return;
        }

        var oldest = long.MaxValue;
        var node = _byArrival.First;
        while (node is not null)
        {
            var next = node.Next;
            var seconds = node.Key.Timestamp.Seconds;
            if (seconds + _options.EndOfEventTimeoutSeconds <= now)
            {
                Emit(node, PartialReason.None, completed);
            }
            else
            {
                oldest = Math.Min(oldest, seconds);
            }

            node = next;
        }

        _oldestOpenSeconds = oldest;
    }

    private void Emit(OpenEvent open, PartialReason reason, ICollection<AuditEvent> completed)
    {
        var key = open.Key;
        _open.Remove(key);
        if (reason == PartialReason.None)
        {
            reason = open.Late ? PartialReason.LateRecord
                : open.Records.TrueForAll(r => RecordType.OnlyFollowsEventStart(r.TypeNumber)) ? PartialReason.MissingStart
                : PartialReason.None;
        }

        _openBytes -= open.Bytes;
        var records = open.Close();
        _byArrival.Remove(open);
        completed.Add(new AuditEvent(key, records, reason));
        if (_open.Count == 0)
        {
            _oldestOpenSeconds = long.MaxValue;
        }

        Remember(key);
    }

    private void Remember(EventKey key)
    {
        if (_options.RecentlyEmittedMemory == 0 || !_recentlyEmitted.Add(key))
        {
            return;
        }

        _recentOrder.Enqueue(key);
        if (_recentOrder.Count > _options.RecentlyEmittedMemory)
        {
            _recentlyEmitted.Remove(_recentOrder.Dequeue());
        }
    }
}
