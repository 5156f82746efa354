namespace AuditSentinel.Functions.Protocol;

/// <summary>The host sent an invocation this handler cannot read (answered with 400 and the reason).</summary>
public sealed class InvalidInvocationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidInvocationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public InvalidInvocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidInvocationException()
    {
    }
}
