using System.Runtime.InteropServices;
using AuditSentinel.Pipeline;
using AuditSentinel.Tables;

namespace AuditSentinel.Cli.Output;

/// <summary>
/// What a parse run produced, counted from the very rows an upload would send (so the summary cannot disagree
/// with the NDJSON): events by category/action, hosts, sessions, users, keystroke lines, redactions. Counting reads
/// only the columns it needs and allocates only for a value not seen before.
/// </summary>
internal sealed class RunSummary : IRowSink
{
    private const int Category = 0, Action = 1, Computer = 2, AuditUser = 3, Session = 4, Result = 5;
    private const int Lines = 0, Redacted = 1;
    private const int MaxKeyChars = 256;
    private static readonly string EventsTable = AuditTables.LinuxAuditEvents.Schema.Name;
    private static readonly string TtyTable = AuditTables.LinuxTtyInput.Schema.Name;
    private readonly RowPropertyReader _event = new(AuditTables.LinuxAuditEvents.Schema, ["Category", "Action", "Computer", "AuditUser", "Session", "Result"]);
    private readonly RowPropertyReader _tty = new(AuditTables.LinuxTtyInput.Schema, ["Lines", "Redacted"]);
    private readonly IRowSink? _inner;
    private readonly bool _detailed;

    /// <summary>Counts rows on their way to <paramref name="inner"/>; <paramref name="detailed"/> reads the columns the summary shows.</summary>
    internal RunSummary(IRowSink? inner, bool detailed = true)
    {
        _inner = inner;
        _detailed = detailed;
    }

    internal Dictionary<string, long> EventsByCategoryAction { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, long> EventsByHost { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, long> EventsByUser { get; } = new(StringComparer.Ordinal);

    internal HashSet<string> Sessions { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, long> RowsByTable { get; } = new(StringComparer.Ordinal);

    internal long FailedEvents { get; private set; }

    internal long TtyLines { get; private set; }

    internal long RedactedTtyRecords { get; private set; }

    /// <inheritdoc />
    public void Write(string table, ReadOnlySpan<byte> rowJson)
    {
        _inner?.Write(table, rowJson);
        CollectionsMarshal.GetValueRefOrAddDefault(RowsByTable, table, out _)++;
        if (!_detailed)
        {
            return;
        }

        if (table == EventsTable)
        {
            _event.Read(rowJson);
            CountEvent();
        }
        else if (table == TtyTable)
        {
            _tty.Read(rowJson);
            TtyLines += _tty.ArrayLength(Lines);
            if (_tty.TextEquals(Redacted, "true"))
            {
                RedactedTtyRecords++;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) =>
        _inner?.FlushAsync(final, cancellationToken) ?? ValueTask.CompletedTask;

    private static void Increment(Dictionary<string, long> counts, ReadOnlySpan<char> key) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts.GetAlternateLookup<ReadOnlySpan<char>>(), key, out _)++;

    private static int Append(Span<char> key, int at, ReadOnlySpan<char> text)
    {
        text.CopyTo(key[at..]);
        return at + text.Length;
    }

    private ReadOnlySpan<char> TextOrDash(int slot) => _event.TryGetText(slot, out var text) ? text : "-";

    private void CountEvent()
    {
        var category = TextOrDash(Category);
        var action = TextOrDash(Action);
        _event.TryGetText(Computer, out var computer);
        var session = _event.TryGetText(Session, out var sessionText);
        var length = Math.Max(category.Length + action.Length + 3, computer.Length + sessionText.Length + 1);
        var key = length <= MaxKeyChars ? stackalloc char[MaxKeyChars] : new char[length];
        Increment(EventsByCategoryAction, key[..Append(key, Append(key, Append(key, 0, category), " / "), action)]);
        Increment(EventsByHost, TextOrDash(Computer));
        Increment(EventsByUser, TextOrDash(AuditUser));
        if (session)
        {
            Sessions.GetAlternateLookup<ReadOnlySpan<char>>().Add(key[..Append(key, Append(key, Append(key, 0, computer), "/"), sessionText)]);
        }

        if (_event.TextEquals(Result, "failure"))
        {
            FailedEvents++;
        }
    }
}
