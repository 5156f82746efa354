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

    // pid= repeated, then one name of the record's own so that no two lengths share a layout.
    private static Parsing.Records.AuditRecord Record(int fields) =>
        FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): " + string.Concat(Enumerable.Repeat("pid=1 ", fields - 1)) + $"x{fields}=1");

    // Not inlined: no reference to the layout may stay in this frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LayoutOf(Parsing.Records.AuditRecord record) => new(FieldLayouts.Of(record));
}
