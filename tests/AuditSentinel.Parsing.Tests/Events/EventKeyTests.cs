using AuditSentinel.Parsing.Events;

namespace AuditSentinel.Parsing.Tests.Events;

/// <summary>EventKey's hand-written equality and hash: by value, whatever the host string's instance.</summary>
public class EventKeyTests
{
    private static readonly AuditTimestamp Time = new(1795333528, 773);

    [Fact]
    public void Keys_equal_by_value_are_equal_and_hash_alike_whatever_the_host_strings_instance()
    {
        var key = new EventKey("host-0001", Time, 4160);
        var sameText = new EventKey(new string("host-0001".AsSpan()), Time, 4160);

        Assert.NotSame(key.Node, sameText.Node);
        Assert.Equal(key, sameText);
        Assert.True(key == sameText);
        Assert.Equal(key.GetHashCode(), sameText.GetHashCode());
    }

    [Theory]
    [InlineData("host-0002", 1795333528L, 773, 4160UL)]
    [InlineData("host-0001", 1795333529L, 773, 4160UL)]
    [InlineData("host-0001", 1795333528L, 774, 4160UL)]
    [InlineData("host-0001", 1795333528L, 773, 4161UL)]
    [InlineData("", 1795333528L, 773, 4160UL)]
    public void A_key_that_differs_in_any_part_is_another_event(string node, long seconds, int millis, ulong serial) =>
        Assert.NotEqual(new EventKey("host-0001", Time, 4160), new EventKey(node, new AuditTimestamp(seconds, millis), serial));

    [Fact]
    public void Hosts_that_share_serials_and_times_still_spread_over_the_hash()
    {
        // A log gathered from many hosts can repeat (time, serial) once per host: the hosts must not all collide.
        var hashes = Enumerable.Range(1, 64).Select(host => new EventKey($"host-{host:0000}", Time, 4160).GetHashCode()).ToHashSet();
        Assert.Equal(64, hashes.Count);
    }

    [Fact]
    public void Short_hosts_hash_alike_when_equal_and_spread_when_not()
    {
        // Hosts under four characters are hashed another way than longer ones: both must keep equal keys equal.
        var hosts = new[] { "", "a", "ab", "abc", "abcd", "xabcd" };
        foreach (var host in hosts)
        {
            Assert.Equal(new EventKey(host, Time, 4160).GetHashCode(), new EventKey(new string(host.AsSpan()), Time, 4160).GetHashCode());
        }

        Assert.Equal(5, hosts.Take(5).Select(host => new EventKey(host, Time, 4160).GetHashCode()).ToHashSet().Count);
    }
}
