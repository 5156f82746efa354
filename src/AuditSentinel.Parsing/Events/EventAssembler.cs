using System.Runtime.InteropServices;
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

    // The open events and the remembered emitted ones in one table: a record starting an event finds its key in one
    // lookup whether it is new, open or late, and emitting or forgetting an event is one change of the table (with a
    // table each, an event cost six lookups and changes, about 1,500 instructions).
    private readonly Dictionary<EventKey, OpenEvent> _events = [];
    private readonly ArrivalOrder _byArrival = new();
    private readonly Queue<EventKey> _recentOrder = new();
    private readonly Stack<OpenEvent> _spare = new();

    // The record lists of emitted events, for the next events to open: as many as events were open at once.
    private readonly Stack<List<AuditRecord>> _spareRooms = new();
    private int _openCount;
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
    public int OpenEvents => _openCount;

    /// <summary>Adds a record; events it completes are appended to <paramref name="completed"/>.</summary>
    public void Add(AuditRecord record, ICollection<AuditEvent> completed)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(completed);
        var key = new EventKey(record.Node, record.Timestamp, record.Serial);
        var node = _lastJoined;

        // The records of an event mostly arrive one after another: the event the previous record joined saves a lookup.
        if (node is null || !node.IsOpen || !node.Key.Equals(key))
        {
            node = Join(key, record.Timestamp.Seconds, completed);
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
    public void RememberEmitted(EventKey key)
    {
        if (_options.RecentlyEmittedMemory == 0)
        {
            return;
        }

        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_events, key, out var known);
        if (!known)
        {
            entry = Spare();
            entry.KeepClosed(key);
        }
        else if (entry!.Remembered)
        {
            return;
        }

        Remember(entry);
    }

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

    // The open event a record of "key" joins: the open one of that key, else a new one, flagged late when the key is
    // remembered as emitted.
    private OpenEvent Join(EventKey key, long seconds, ICollection<AuditEvent> completed)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_events, key, out var known);
        if (known && entry!.IsOpen)
        {
            return entry;
        }

        // As ausearch (ausearch-lol.c) does: a record that starts an event completes the open events it is at least the
        // timeout later than. A late, older record completes nothing; records joining an event never do. Meanwhile the
        // key's entry holds no event (a new key) or a closed one (a remembered key); emitting may forget a remembered
        // key and change the table, so the entry is looked up again when any event was emitted.
        if (CompleteTimedOut(seconds, completed))
        {
            entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_events, key, out _);
        }

        _oldestOpenSeconds = Math.Min(_oldestOpenSeconds, seconds);
        var late = entry is not null;
        var opened = entry ?? Spare();
        opened.Open(key, late, _spareRooms.TryPop(out var room) ? room : new List<AuditRecord>(8));
        entry = opened;
        _byArrival.AddLast(opened);
        if (++_openCount > _options.MaxOpenEvents)
        {
            Emit(_byArrival.First!, PartialReason.Evicted, completed);
        }

        return opened;
    }

    private OpenEvent Spare() => _spare.TryPop(out var spare) ? spare : new OpenEvent();

    // True when any event was emitted.
    private bool CompleteTimedOut(long now, ICollection<AuditEvent> completed)
    {
        // _oldestOpenSeconds is a lower bound of the open events' times, so most records skip the scan.
        if (_oldestOpenSeconds > now - _options.EndOfEventTimeoutSeconds)
        {
            return false;
        }

        var emitted = false;

        var oldest = long.MaxValue;
        var node = _byArrival.First;
        while (node is not null)
        {
            var next = node.Next;
            var seconds = node.Key.Timestamp.Seconds;
            if (seconds + _options.EndOfEventTimeoutSeconds <= now)
            {
                Emit(node, PartialReason.None, completed);
                emitted = true;
            }
            else
            {
                oldest = Math.Min(oldest, seconds);
            }

            node = next;
        }

        _oldestOpenSeconds = oldest;
        return emitted;
    }

    private void Emit(OpenEvent open, PartialReason reason, ICollection<AuditEvent> completed)
    {
        var key = open.Key;
        _openCount--;
        if (reason == PartialReason.None)
        {
            reason = open.Late ? PartialReason.LateRecord
                : open.Records.TrueForAll(r => RecordType.OnlyFollowsEventStart(r.TypeNumber)) ? PartialReason.MissingStart
                : PartialReason.None;
        }

        _openBytes -= open.Bytes;
        var records = open.Close(out var room);
        _spareRooms.Push(room);
        _byArrival.Remove(open);
        completed.Add(new AuditEvent(key, records, reason));
        if (_openCount == 0)
        {
            _oldestOpenSeconds = long.MaxValue;
        }

        if (_options.RecentlyEmittedMemory == 0)
        {
            _events.Remove(key);
            _spare.Push(open);
        }
        else if (!open.Remembered)
        {
            Remember(open);
        }
    }

    // Remembers an entry's key among the recently emitted ones, and forgets the oldest past the memory: its entry goes,
    // unless a late record has opened its event again, which then is remembered anew when emitted.
    private void Remember(OpenEvent entry)
    {
        entry.Remembered = true;
        _recentOrder.Enqueue(entry.Key);
        if (_recentOrder.Count <= _options.RecentlyEmittedMemory)
        {
            return;
        }

        var forgotten = _recentOrder.Dequeue();
        _events.Remove(forgotten, out var oldest);
        oldest!.Remembered = false;
        if (oldest.IsOpen)
        {
            _events.Add(forgotten, oldest);
        }
        else
        {
            _spare.Push(oldest);
        }
    }
}
