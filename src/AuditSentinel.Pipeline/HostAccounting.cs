namespace AuditSentinel.Pipeline;

/// <summary>What one unit held for one host: the numbers behind a LinuxAuditHealth_CL row.</summary>
internal sealed class HostAccounting
{
    internal long Bytes { get; set; }

    internal long Records { get; set; }

    internal long Events { get; set; }

    internal long PartialEvents { get; set; }

    internal long TtyRecords { get; set; }

    internal DateTimeOffset? FirstEventTime { get; private set; }

    internal DateTimeOffset? LastEventTime { get; private set; }

    internal void SawEventAt(DateTimeOffset time)
    {
        if (FirstEventTime is null || time < FirstEventTime)
        {
            FirstEventTime = time;
        }

        if (LastEventTime is null || time > LastEventTime)
        {
            LastEventTime = time;
        }
    }
}
