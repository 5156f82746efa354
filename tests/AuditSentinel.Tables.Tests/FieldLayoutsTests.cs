using System.Runtime.CompilerServices;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// The per-thread table of layouts keeps a bounded amount: it holds hundreds of layouts, so a layout as long as a crafted
/// line of a megabyte (a quarter of a million fields) must not be one of them.
/// </summary>
public class FieldLayoutsTests
{
    [Fact]
    public void A_layout_of_a_long_record_is_not_kept()
    {
        // Before: each distinct long line pinned its layout (12 to 28 bytes per field) in the table, up to 512 of them.
        var layout = LayoutOf(Record(fields: 1000));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(layout.IsAlive);
    }

    [Fact]
    public void A_layout_of_a_record_of_usual_length_is_kept_and_a_long_one_still_indexes_its_names()
    {
        var usual = Record(fields: 40);
        Assert.Same(FieldLayouts.Of(usual), FieldLayouts.Of(usual));

        var longRecord = Record(fields: 1000);
        var layout = FieldLayouts.Of(longRecord);
        Assert.Equal(0, layout.First(MappedName.Pid));
        Assert.Equal(1, layout.Next(0));
        Assert.Equal(FieldLayout.None, layout.Next(longRecord.Tokens.Length - 2));
        Assert.NotEqual(0UL, layout.Repeated);
    }

    [Fact]
    public void Records_that_alternate_layouts_within_a_type_or_share_a_type_slot_get_their_own_layouts()
    {
        // The last layout of a type is tried first: a record of the same type with other names, or of a type whose
        // number shares the slot (1300 and 1044 differ by 256), must not be given it.
        var first = FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): pid=1 uid=2");
        var second = FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): uid=2 pid=1");
        var sharing = FixtureRecords.Parse("type=UNKNOWN[1044] msg=audit(1.000:1): x=1 pid=3");
        Assert.Equal(1300 & 255, sharing.TypeNumber & 255);
        for (var round = 0; round < 3; round++)
        {
            foreach (var (record, pid) in (IEnumerable<(Parsing.Records.AuditRecord, int)>)[(first, 0), (second, 1), (first, 0), (sharing, 1), (first, 0)])
            {
                var layout = FieldLayouts.Of(record);
                Assert.True(layout.Fits(record));
                Assert.Equal(pid, layout.First(MappedName.Pid));
            }
        }
    }

    // pid= repeated, then one name of the record's own so that no two lengths share a layout.
    private static Parsing.Records.AuditRecord Record(int fields) =>
        FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): " + string.Concat(Enumerable.Repeat("pid=1 ", fields - 1)) + $"x{fields}=1");

    // Not inlined: no reference to the layout may stay in this frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LayoutOf(Parsing.Records.AuditRecord record) => new(FieldLayouts.Of(record));
}
