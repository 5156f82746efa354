using FsCheck;
using FsCheck.Fluent;

namespace AuditSentinel.Tables.Tests;

public class MappingPropertyTests
{
    // Pieces of real record syntax, so that random lines often parse and reach the mapper with odd field mixes.
    private static readonly string[] Fragments =
    [
        "node=vm ", "type=SYSCALL msg=audit(1795333528.773:4160): ", "type=PATH msg=audit(1795333528.773:4160): ",
        "type=TTY msg=audit(1795333528.773:4160): ", "type=USER_LOGIN msg=audit(1795333529.000:4161): ",
        "type=EOE msg=audit(1795333528.773:4160): ", "type=SOCKADDR msg=audit(1795333528.773:4160): ", "type=UNKNOWN[1327] ",
        "arch=c000003e syscall=42 success=no exit=-2 ", "auid=4294967295 uid=-1 ses=1 pid=99999999999 ", "key=(null) ",
        "key=T1003.008_shadow ", "key=6578656301543130303301 ", "nametype=CREATE name=\"/tmp/x\" ", "msg='op=login acct=\"a b\" res=failed' ",
        "\u001dAUID=\"carol\" SYSCALL=connect SADDR={ saddr_fam=inet laddr=1.2.3.4 lport=x } ", "saddr={ ", "res=1 ", "id=5 ",
        "\n", "=", " ", "\"", "'", "\u0001", "\u00ff",
    ];

    private static Arbitrary<byte[]> AuditishBytes() =>
        Gen.Frequency(
                (2, ArbMap.Default.GeneratorFor<byte[]>()),
                (5, Gen.ListOf(Gen.Elements(Fragments)).Select(parts => System.Text.Encoding.UTF8.GetBytes(string.Concat(parts)))))
            .ToArbitrary();

    [Fact]
    public void Any_bytes_map_without_throwing_and_every_line_is_in_a_row_or_rejected()
    {
        Prop.ForAll(AuditishBytes(), bytes =>
        {
            var log = MappedLog.ReadAsync(new MemoryStream(bytes), "property", maxOpenEvents: 2).GetAwaiter().GetResult();
            using var writer = new Rows.RowJsonWriter();
            foreach (var row in log.Events)
            {
                _ = writer.Serialize(AuditTables.LinuxAuditEvents, row);
            }

            foreach (var row in log.TtyInput)
            {
                _ = writer.Serialize(AuditTables.LinuxTtyInput, row);
            }

            return log.Lines == log.Events.Sum(e => e.RecordCount) + log.TtyInput.Count + log.Rejected;
        }).QuickCheckThrowOnFailure();
    }
}
