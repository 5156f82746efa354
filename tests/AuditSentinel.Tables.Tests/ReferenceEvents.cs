using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>The events of the reference <c>ausearch -i</c> output of the ssh-intrusion log, keyed by serial.</summary>
internal static class ReferenceEvents
{
    private static readonly Lazy<IReadOnlyDictionary<ulong, List<AuditRecord>>> Events = new(Load);

    public static IReadOnlyDictionary<ulong, List<AuditRecord>> BySerial => Events.Value;

    /// <summary>The interpreted value of a field in the first record of <paramref name="type"/> of the event.</summary>
    public static string? Value(List<AuditRecord> records, string type, string field) =>
        records.FirstOrDefault(r => r.TypeName == type) is { } record && record.TryGetField(System.Text.Encoding.ASCII.GetBytes(field), out var f)
            ? f.Text
            : null;

    /// <summary>The interpreted process title: the rest of the PROCTITLE line, which may itself hold key=value words.</summary>
    public static string? ProcTitle(List<AuditRecord> records) =>
        records.FirstOrDefault(r => r.TypeName == "PROCTITLE") is { } record
            ? record.LineText[(record.LineText.IndexOf(" proctitle=", StringComparison.Ordinal) + 11)..].TrimEnd()
            : null;

    private static Dictionary<ulong, List<AuditRecord>> Load()
    {
        // The reference lines are ausearch's interpreted form, which the record parser reads as such.
        var parser = new RecordParser();
        var events = new Dictionary<ulong, List<AuditRecord>>();
        var number = 0L;
        foreach (var line in File.ReadLines(RepoPaths.Fixture("ssh-intrusion", "ausearch-i.txt")))
        {
            number++;
            if (parser.TryParse(System.Text.Encoding.UTF8.GetBytes(line), number, out var record, out _))
            {
                Assert.Equal(RecordFormat.Interpreted, record.Format);
                if (!events.TryGetValue(record.Serial, out var list))
                {
                    events[record.Serial] = list = [];
                }

                list.Add(record);
            }
        }

        return events;
    }
}
