using AuditSentinel.Pipeline;

namespace AuditSentinel.Cli.Output;

/// <summary>
/// What a parse run produced, counted from the very rows an upload would send (so the summary cannot disagree
/// with the NDJSON): events by category/action, hosts, sessions, users, keystroke lines, redactions.
/// </summary>
internal sealed class RunSummary : IRowSink
{
    private static readonly string[] EventProperties = ["Category", "Action", "Computer", "AuditUser", "Session", "Result"];
    private static readonly string[] TtyProperties = ["Lines", "Redacted"];
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
        RowsByTable[table] = RowsByTable.GetValueOrDefault(table) + 1;
        if (!_detailed)
        {
            return;
        }

        switch (table)
        {
            case "LinuxAuditEvents_CL":
                CountEvent(RowProperties.Read(rowJson, EventProperties));
                break;
            case "LinuxTtyInput_CL":
                var tty = RowProperties.Read(rowJson, TtyProperties);
                TtyLines += tty.ArrayLength("Lines");
                if (tty.Text("Redacted") == "true")
                {
                    RedactedTtyRecords++;
                }

                break;
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(bool final, CancellationToken cancellationToken) =>
        _inner?.FlushAsync(final, cancellationToken) ?? ValueTask.CompletedTask;

    private static void Increment(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private void CountEvent(RowProperties row)
    {
        Increment(EventsByCategoryAction, (row.Text("Category") ?? "-") + " / " + (row.Text("Action") ?? "-"));
        Increment(EventsByHost, row.Text("Computer") ?? "-");
        Increment(EventsByUser, row.Text("AuditUser") ?? "-");
        if (row.Text("Session") is { } session)
        {
            Sessions.Add(row.Text("Computer") + "/" + session);
        }

        if (row.Text("Result") == "failure")
        {
            FailedEvents++;
        }
    }
}
