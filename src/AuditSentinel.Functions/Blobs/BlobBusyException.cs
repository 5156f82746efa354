namespace AuditSentinel.Functions.Blobs;

/// <summary>Another attempt owns the blob; the delivery fails so that Event Grid delivers it again later.</summary>
public sealed class BlobBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlobBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BlobBusyException()
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public BlobBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
