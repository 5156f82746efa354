using AuditSentinel.Parsing.Interpretation;
using AuditSentinel.Parsing.Records;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// EventFields resolves every mapped name in one pass per event; over every record of the real fixture logs its index
/// must find exactly what a name lookup on the record finds, and takes must follow the documented rules.
/// </summary>
public class EventFieldsTests
{
    public static TheoryData<string> Logs() => new(RepoPaths.FixtureLogs());

    [Theory]
    [MemberData(nameof(Logs))]
    public void The_index_finds_what_a_name_lookup_finds(string log)
    {
        foreach (var record in FixtureRecords.All(log))
        {
            using var fields = EventFields.Rent(record);
            foreach (var name in Enum.GetValues<MappedName>())
            {
                var index = record.IndexOf(MappedNames.NameOf(name), MappedNames.IsEnriched(name));
                Assert.Equal(index >= 0, fields.TryFind(record, name, out var found));
                if (index >= 0)
                {
                    Assert.Equal(record[index].NameText, found.NameText);
                    Assert.Equal(record[index].RawText, found.RawText);
                    Assert.Equal(record[index].Origin, found.Origin);
                }
            }
        }
    }

    [Fact]
    public void Every_mapped_name_is_found_where_it_is_read_from_and_nowhere_else()
    {
        // Each name once in the body and once after the ENRICHED separator: the table must find the one of the right
        // part for every name, whatever slot its multiplier gave it.
        var names = Enum.GetValues<MappedName>();
        var body = string.Join(' ', names.Select((name, i) => $"{System.Text.Encoding.ASCII.GetString(MappedNames.NameOf(name))}={i}"));
        var record = FixtureRecords.Parse("type=SYSCALL msg=audit(1795333528.773:4160): " + body + "\u001d" + body);
        using var fields = EventFields.Rent(record);
        foreach (var name in names)
        {
            Assert.True(fields.TryFind(record, name, out var found), name.ToString());
            Assert.Equal(MappedNames.IsEnriched(name), found.Origin == FieldOrigin.Enriched);
            Assert.Equal(((int)name).ToString(System.Globalization.CultureInfo.InvariantCulture), found.RawText);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Taking_a_record_whole_takes_all_its_words_of_fields_and_none_of_another_record(bool pathFirst)
    {
        // Marks are set a word of 64 fields at a time: a PATH record of 130 fields spans three words.
        var syscall = FixtureRecords.Parse("type=SYSCALL msg=audit(1795333528.773:4160): arch=c000003e syscall=2 pid=7");
        var path = FixtureRecords.Parse("type=PATH msg=audit(1795333528.773:4160): " + string.Join(' ', Enumerable.Range(0, 130).Select(i => $"f{i}={i}")));
        using var fields = EventFields.RentEvent(pathFirst ? [path, syscall] : [syscall, path]);
        fields.TakeAll(path);
        Assert.Equal([new("arch", "c000003e"), new("syscall", "2"), new("pid", "7")], fields.Remaining()!.ToList());
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Column_texts_are_the_decoded_values(string log)
    {
        foreach (var record in FixtureRecords.All(log))
        {
            for (var f = 0; f < record.FieldCount; f++)
            {
                // The second read comes from the cache when the value is short.
                Assert.Equal(record[f].Text, ColumnTexts.Of(record[f]));
                Assert.Equal(record[f].Text, ColumnTexts.Of(record[f]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Socket_columns_are_the_decoded_address(string log)
    {
        foreach (var record in FixtureRecords.All(log))
        {
            if (record.IndexOf("saddr"u8) is var f and >= 0)
            {
                var expected = SocketAddressDecoder.TryDecode(record[f], out var address)
                    ? (address.FamilyName ?? address.Family.ToString(System.Globalization.CultureInfo.InvariantCulture), address.Address ?? address.Path, address.Port)
                    : default;

                // The second read comes from the cache.
                Assert.Equal(expected, SocketColumns.Of(record[f]));
                Assert.Equal(expected, SocketColumns.Of(record[f]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Record_type_lists_are_the_type_names_in_order(string log)
    {
        var records = FixtureRecords.All(log).ToList();
        for (var length = 1; length <= 4; length++)
        {
            for (var start = 0; start + length <= records.Count; start++)
            {
                var group = records.GetRange(start, length);
                var expected = group.Select(r => r.TypeName).ToArray();

                // The second read comes from the cache.
                Assert.Equal(expected, RecordTypeLists.Of([.. group]));
                Assert.Equal(expected, RecordTypeLists.Of([.. group]));
            }
        }
    }

    [Fact]
    public void A_name_only_matches_its_own_part_of_the_record_and_its_whole_spelling()
    {
        var record = FixtureRecords.Parse("type=USER_LOGIN msg=audit(1.000:1): AUID=x proctitlX=1 uid=0 \u001dUID=\"root\"");
        using var fields = EventFields.Rent(record);
        Assert.False(fields.TryFind(record, MappedName.EnrichedAuid, out _));
        Assert.False(fields.TryFind(record, MappedName.ProcTitle, out _));
        Assert.True(fields.TryFind(record, MappedName.Uid, out var uid));
        Assert.Equal("0", uid.Text);
        Assert.True(fields.TryFind(record, MappedName.EnrichedUid, out var user));
        Assert.Equal("root", user.Text);
    }

    [Theory]
    [InlineData("proctitle=1 pid=2", "proctitlX=1 pid=2", nameof(MappedName.ProcTitle))]
    [InlineData("terminal=1 pid=2", "terminalx=1 pid=2", nameof(MappedName.Terminal))]
    [InlineData("pid=2 uid=0", "pid=2 \u001duid=0", nameof(MappedName.Uid))]
    [InlineData("pid=2 \u001dUID=root", "pid=2 UID=root", nameof(MappedName.EnrichedUid))]
    public void Records_whose_name_keys_match_keep_their_own_mapped_names(string mapped, string other, string mappedName)
    {
        var name = Enum.Parse<MappedName>(mappedName);
        // Layouts are found by the names' first 8 bytes: a name of the same first 8 bytes but another length, spelling
        // or part must not be given the layout of the other, whichever comes first.
        var withName = FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): " + System.Text.RegularExpressions.Regex.Unescape(mapped));
        var without = FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): " + System.Text.RegularExpressions.Regex.Unescape(other));
        Assert.Equal(withName.NameKeys.ToArray(), without.NameKeys.ToArray());
        foreach (var record in new[] { withName, without, withName, without })
        {
            using var fields = EventFields.Rent(record);
            Assert.Equal(record == withName, fields.TryFind(record, name, out _));
            Assert.True(fields.TryFind(record, MappedName.Pid, out var pid));
            Assert.Equal("2", pid.Text);
        }
    }

    [Fact]
    public void Repeats_of_a_mapped_name_are_each_taken_with_their_duplicates()
    {
        // The layout chains a name's fields in order; a take takes the first, and equal values of the name elsewhere.
        var syscall = FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): pid=7 pid=8 pid=7 pid=9 ses=1");
        var change = FixtureRecords.Parse("type=CONFIG_CHANGE msg=audit(1.000:1): pid=9 pid=7 ses=2");
        using var fields = EventFields.RentEvent([syscall, change]);
        Assert.True(fields.TryTake(MappedName.Pid, out var pid));
        Assert.Equal("7", pid.Text);
        Assert.True(fields.TryTake(MappedName.Ses, out var ses));
        Assert.Equal("1", ses.Text);
        Assert.Equal([new("pid", "8"), new("pid_2", "9"), new("ses", "2")], fields.Remaining()!.ToList());
    }

    [Fact]
    public void A_log_read_again_finds_every_layout_computed_the_first_time()
    {
        // The point of the layouts: each is computed once, even where two frequent ones share a bucket.
        var records = FixtureRecords.All(FixtureRecords.SshIntrusion).ToList();
        var first = records.Select(FieldLayouts.Of).ToList();
        Assert.InRange(first.Distinct().Count(), 10, 60);
        Assert.Equal(first, records.Select(FieldLayouts.Of), ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public void Every_mapped_name_has_a_bit_of_one_word()
    {
        // EventFields and FieldLayout keep the names an event or layout holds as bits of one ulong.
        Assert.InRange(MappedNames.Count, 1, 64);
    }

    [Fact]
    public void A_take_prefers_the_primary_then_takes_equal_values_elsewhere()
    {
        var syscall = FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=1 auid=1000 pid=7");
        var change = FixtureRecords.Parse("type=CONFIG_CHANGE msg=audit(1.000:1): auid=1000 ses=3 pid=8 auid=1000 op=add_rule");
        using var fields = EventFields.RentEvent([change, syscall]);
        fields.Primary = syscall;

        Assert.True(fields.TryTake(MappedName.Auid, out var auid, out var auidOwner));
        Assert.Same(syscall, auidOwner);
        Assert.Equal("1000", auid.Text);
        Assert.True(fields.TryTake(MappedName.Pid, out var pid));
        Assert.Equal("7", pid.Text);
        Assert.True(fields.TryTake(MappedName.Ses, out var ses, out var sesOwner));
        Assert.Same(change, sesOwner);
        Assert.Equal("3", ses.Text);
        Assert.False(fields.TryTake(MappedName.Exe, out _, out var missingOwner));
        Assert.Same(syscall, missingOwner);

        // Both auid=1000 of CONFIG_CHANGE went with the column; its pid=8 differs from the column's, so it stays.
        var remaining = fields.Remaining()!.ToList();
        Assert.Equal(
            [new("pid", "8"), new("op", "add_rule"), new("arch", "c000003e"), new("syscall", "1")],
            remaining);
    }

    [Fact]
    public void A_hex_value_and_a_quoted_value_with_the_same_bytes_keep_their_own_texts()
    {
        var record = FixtureRecords.Parse("type=SYSCALL msg=audit(1.000:1): comm=4142 exe=\"4142\"");
        Assert.True(record.TryGetField("comm"u8, out var comm));
        Assert.True(record.TryGetField("exe"u8, out var exe));
        Assert.Equal(FieldKind.Hex, comm.Kind);
        Assert.Equal("AB", ColumnTexts.Of(comm));
        Assert.Equal("4142", ColumnTexts.Of(exe));
        Assert.Equal("AB", ColumnTexts.Of(comm));
        Assert.Same(ColumnTexts.Of(exe), ColumnTexts.Of(exe));
    }
}
