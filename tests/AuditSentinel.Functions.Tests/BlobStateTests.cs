using AuditSentinel.Functions.Blobs;
using Azure;

namespace AuditSentinel.Functions.Tests;

public sealed class BlobStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(30);

    private static readonly ETag Version = new("0x8DE1A2B3C4D5E6F");

    [Fact]
    public void A_new_blob_is_attempted_until_the_attempts_run_out()
    {
        var state = BlobState.For(Version);
        Assert.Equal(BlobDecision.Attempt, state.Decide(Now, 2, Claim));

        state = state.Start(Now).Fail("read failed\r\nat line 3");
        Assert.Equal(BlobDecision.Attempt, state.Decide(Now, 2, Claim));
        Assert.Equal("read failed  at line 3", state.LastError);

        state = state.Start(Now).Fail("again");
        Assert.Equal(BlobDecision.GiveUp, state.Decide(Now, 2, Claim));
        Assert.True(state.Describes(Version));
    }

    [Fact]
    public void A_state_read_back_from_its_metadata_is_about_the_same_version_of_the_blob_only()
    {
        var stored = BlobState.From(BlobState.For(Version).Start(Now).Complete(Now, "lines=3").Metadata);

        Assert.True(stored.IsProcessed);
        Assert.Equal(1, stored.Attempts);
        Assert.True(stored.Describes(Version));
        Assert.False(stored.Describes(new ETag("0x8DE1A2B3C4D5E70")));
        Assert.False(BlobState.From(new Dictionary<string, string>(StringComparer.Ordinal)).Describes(Version));
    }

    [Fact]
    public void A_running_attempt_owns_the_blob_for_the_claim_and_a_stale_one_counts_as_failed()
    {
        var running = BlobState.For(Version).Start(Now);

        Assert.Equal(BlobDecision.Busy, running.Decide(Now.AddMinutes(29), 3, Claim));
        Assert.Equal(BlobDecision.Attempt, running.Decide(Now.AddMinutes(31), 3, Claim));
        Assert.Equal(BlobDecision.GiveUp, running.Decide(Now.AddMinutes(31), 1, Claim));

        var givingUp = running.Fail("broken").Claim(Now);
        Assert.Equal(BlobDecision.Busy, givingUp.Decide(Now.AddMinutes(1), 1, Claim));
        Assert.Equal(1, givingUp.Attempts);
    }

    [Fact]
    public void Terminal_markers_end_all_work_on_the_blob()
    {
        var empty = BlobState.For(Version);

        Assert.Equal(BlobDecision.AlreadyProcessed, empty.Start(Now).Complete(Now, "lines=3").Decide(Now, 3, Claim));
        Assert.Equal(BlobDecision.AlreadyPoisoned, empty.Start(Now).Poison(Now).Decide(Now, 3, Claim));
        Assert.Null(empty.Start(Now).Complete(Now, "lines=3").Started);
    }
}
