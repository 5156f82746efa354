namespace AuditSentinel.Cli;

/// <summary>A command line that cannot be run as given; its message is printed as is and the command exits with <see cref="ExitCodes.InvalidArguments"/>.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
