namespace AuditSentinel.Cli;

/// <summary>What the commands return (docs/ingestion.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Everything was done: every row delivered, every item replayed, the query answered.</summary>
    internal const int Success = 0;

    /// <summary>An error stopped the command (service or store unreachable, query refused); the message says what.</summary>
    internal const int Failed = 1;

    /// <summary>The command line is wrong (unknown credential, <c>none</c> for a remote endpoint, missing file).</summary>
    internal const int InvalidArguments = 2;

    /// <summary>Rows could not be delivered and are in the dead-letter store: fix the cause, then run <c>replay</c>.</summary>
    internal const int DeadLettered = 3;
}
