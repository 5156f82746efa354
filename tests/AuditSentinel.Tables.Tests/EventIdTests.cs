using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Tables.Mapping;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

public class EventIdTests
{
    [Fact]
    public void The_id_is_sha256_of_the_documented_bytes()
    {
        // Computed independently with Python's hashlib over the documented layout.
        var expected = ReferenceTools.Run("/usr/bin/python3", "-c",
            "import hashlib,struct; print(hashlib.sha256(b'vm\\x00' + struct.pack('>qiQ', 1795333528, 773, 4160)).hexdigest()[:32])").Trim();
        Assert.Equal(expected, EventIds.Of(new EventKey("vm", new AuditTimestamp(1795333528, 773), 4160)));
    }

    [Theory]
    [InlineData("vm")]
    [InlineData("")]
    [InlineData("höst-日本")]
    [InlineData(null)]
    public void The_id_is_the_platform_sha256_of_its_key_for_short_long_and_non_ascii_nodes(string? node)
    {
        // null: a node longer than the stack buffer, hashed from a heap array.
        node ??= new string('n', 600);
        var key = new EventKey(node, new AuditTimestamp(1795333528, 773), ulong.MaxValue - 7);
        Assert.Equal(PlatformId(key), EventIds.Of(key));
    }

    [Fact]
    public void Runs_of_one_node_and_equal_nodes_in_other_strings_give_each_key_its_own_id()
    {
        // The node's bytes are kept from one event to the next while the node is the same string.
        string[] nodes = ["vm", "vm-2", "höst-日本", string.Empty, new string('n', 600)];
        var random = new Random(6);
        for (var i = 0; i < 2000; i++)
        {
            var node = nodes[random.Next(3) == 0 ? random.Next(nodes.Length) : i / 50 % nodes.Length];
            var key = new EventKey(random.Next(4) == 0 ? new string(node.AsSpan()) : node, new AuditTimestamp(1795333528 + i, i % 1000), (ulong)i);
            Assert.Equal(PlatformId(key), EventIds.Of(key));
        }
    }

    [Fact]
    public void Nodes_that_alternate_event_by_event_allocate_nothing_beyond_each_id()
    {
        // A collector's log interleaves hosts; keeping the last node's bytes must not cost an allocation per change.
        string[] alternating = ["vm-1", "vm-2"];
        var time = new AuditTimestamp(1795333528, 773);
        for (var i = 0; i < 100; i++)
        {
            EventIds.Of(new EventKey(alternating[i % 2], time, (ulong)i));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            EventIds.Of(new EventKey(alternating[i % 2], time, (ulong)i));
        }

        var alternatingBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            EventIds.Of(new EventKey(alternating[0], time, (ulong)i));
        }

        Assert.Equal(GC.GetAllocatedBytesForCurrentThread() - before, alternatingBytes);
    }

    [Fact]
    public void Libcrypto_and_the_platform_api_give_the_platform_sha256_for_every_length_up_to_five_blocks()
    {
        var random = new Random(6);
        Span<byte> direct = stackalloc byte[32];
        Span<byte> platform = stackalloc byte[32];
        for (var length = 0; length <= 320; length++)
        {
            var input = new byte[length];
            random.NextBytes(input);
            var expected = SHA256.HashData(input);
            // The test machine has libcrypto.so.3 (the runtime's own SHA-256 loads it), so the direct path must hash.
            Assert.True(LibcryptoSha256.TryHash(input, direct));
            EventIds.PlatformHash(input, platform);
            Assert.Equal(expected, direct.ToArray());
            Assert.Equal(expected, platform.ToArray());
        }
    }

    [Fact]
    public void A_longer_input_than_a_call_without_a_gc_transition_may_take_is_left_to_the_platform_and_disables_nothing()
    {
        Span<byte> hash = stackalloc byte[32];
        Assert.False(LibcryptoSha256.TryHash(new byte[LibcryptoSha256.MaxInputBytes + 1], hash));
        Assert.True(LibcryptoSha256.TryHash(new byte[LibcryptoSha256.MaxInputBytes], hash));
        Assert.Equal(SHA256.HashData(new byte[LibcryptoSha256.MaxInputBytes]), hash.ToArray());
    }

    [Fact]
    public void Node_time_and_serial_each_change_the_id()
    {
        var key = new EventKey("vm", new AuditTimestamp(1795333528, 773), 4160);
        string[] ids =
        [
            EventIds.Of(key), EventIds.Of(key with { Node = "" }), EventIds.Of(key with { Serial = 4161 }),
            EventIds.Of(key with { Timestamp = new AuditTimestamp(1795333528, 774) }), EventIds.Of(key with { Node = new string('n', 600) }),
        ];
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task Partial_rows_of_one_event_share_its_id()
    {
        // Cut the log after each SYSCALL record so its event is emitted partial, then read the rest in a second unit.
        var lines = await File.ReadAllLinesAsync(RepoPaths.SshIntrusionLog);
        var cut = Array.FindIndex(lines, l => l.Contains(" type=SYSCALL ", StringComparison.Ordinal) && l.Contains("syscall=59 ", StringComparison.Ordinal));
        using var first = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..(cut + 1)])));
        using var second = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[(cut + 1)..])));
        var whole = await MappedLog.ReadFileAsync(RepoPaths.SshIntrusionLog);
        var a = await MappedLog.ReadAsync(first, "a", maxOpenEvents: 1);
        var b = await MappedLog.ReadAsync(second, "b");
        var serial = a.Events[^1].Serial;
        var wholeRow = Assert.Single(whole.EventsWithSerial(serial));
        var parts = a.EventsWithSerial(serial).Concat(b.EventsWithSerial(serial)).ToList();
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(wholeRow.EventId, p.EventId));
        Assert.Equal(wholeRow.RecordCount, parts.Sum(p => p.RecordCount));
    }

    // The id computed from the documented layout with the platform's SHA-256.
    private static string PlatformId(EventKey key)
    {
        var nodeBytes = Encoding.UTF8.GetBytes(key.Node);
        var input = new byte[nodeBytes.Length + 1 + 20];
        nodeBytes.CopyTo(input, 0);
        BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(nodeBytes.Length + 1), key.Timestamp.Seconds);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(nodeBytes.Length + 9), key.Timestamp.Milliseconds);
        BinaryPrimitives.WriteUInt64BigEndian(input.AsSpan(nodeBytes.Length + 13), key.Serial);
        return Convert.ToHexStringLower(SHA256.HashData(input))[..32];
    }
}
