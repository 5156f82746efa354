using AuditSentinel.Parsing.Events;
using AuditSentinel.Parsing.Input;
using AuditSentinel.Parsing.Records;
using FsCheck;
using FsCheck.Fluent;

namespace AuditSentinel.Parsing.Tests;

public class ParsingPropertyTests
{
    private static readonly byte[][] Fragments =
    [
        "type=SYSCALL msg=audit(1795333528.773:4160): "u8.ToArray(), "node=vm "u8.ToArray(), "type=UNKNOWN[1327] "u8.ToArray(),
        "msg='op=x acct=\"a b\" "u8.ToArray(), "exe=2F62696E "u8.ToArray(), "a0_len=8 a0[0]=41 "u8.ToArray(), "\u001dAUID=\"x\" "u8.ToArray(),
        "saddr={ a=b "u8.ToArray(), "(hostname=?, "u8.ToArray(), "old auid=1 "u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(),
        "'"u8.ToArray(), "\""u8.ToArray(), "="u8.ToArray(), " "u8.ToArray(), "audit(11/22/26 07:45:28.777:1) : "u8.ToArray(),
        "type=EOE msg=audit(1795333530.000:4160): \n"u8.ToArray(), [0x00, 0xFF, 0x1D, 0x1F, 0x8B],
    ];

    private static Arbitrary<byte[]> AuditishBytes() =>
        Gen.Frequency(
                (3, ArbMap.Default.GeneratorFor<byte[]>()),
                (5, Gen.ListOf(Gen.Elements(Fragments)).Select(parts => parts.SelectMany(p => p).ToArray())))
            .ToArbitrary();

    [Fact]
    public void Any_bytes_never_throw_and_every_line_is_a_record_or_a_counted_rejection()
    {
        Prop.ForAll(AuditishBytes(), bytes =>
        {
            var (lines, records, rejected, inEvents) = Run(bytes).GetAwaiter().GetResult();
            return lines == records + rejected && records == inEvents;
        }).QuickCheckThrowOnFailure();
    }

    private static async Task<(long Lines, long Records, long Rejected, long InEvents)> Run(byte[] bytes)
    {
        var parser = new RecordParser();
        var assembler = new EventAssembler(new EventAssemblerOptions { MaxOpenEvents = 3 });
        var events = new List<AuditEvent>();
        long lines = 0, records = 0, rejected = 0;
        await using var reader = await LogLineReader.OpenAsync(new MemoryStream(bytes), maxLineLength: 64);
        while (await reader.FillAsync())
        {
            while (reader.TryReadLine(out var line))
            {
                lines++;
                if (!line.Truncated && parser.TryParse(line.Bytes.Span, line.Number, out var record, out _))
                {
                    records++;
                    for (var i = 0; i < record.FieldCount; i++)
                    {
                        _ = record[i].Text;
                        _ = record[i].NameText;
                    }

                    assembler.Add(record, events);
                }
                else
                {
                    rejected++;
                }
            }
        }

        assembler.Flush(events);
        return (lines, records, rejected, events.Sum(e => e.Records.Count));
    }
}
