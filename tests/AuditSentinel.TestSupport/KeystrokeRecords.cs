using AuditSentinel.Parsing.Input;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.TestSupport;

/// <summary>The TTY and USER_TTY records of a log, read with the project's parser.</summary>
public static class KeystrokeRecords
{
    public static async Task<IReadOnlyList<AuditRecord>> ReadAsync(string path)
    {
        var parser = new RecordParser();
        var records = new List<AuditRecord>();
        await using var reader = await LogLineReader.OpenFileAsync(path);
        while (await reader.FillAsync())
        {
            while (reader.TryReadLine(out var line))
            {
                if (parser.TryParse(line.Bytes.Span, line.Number, out var record, out _)
                    && record.TypeNumber is RecordType.Tty or RecordType.UserTty)
                {
                    records.Add(record);
                }
            }
        }

        return records;
    }
}
