namespace AuditSentinel.Cli.Inputs;

/// <summary>One log to read: a file, standard input, or the embedded sample.</summary>
/// <param name="Name">The SourceName its rows carry.</param>
/// <param name="Length">Its size in bytes when known (for progress).</param>
/// <param name="Open">Opens it for reading.</param>
internal sealed record LogInput(string Name, long? Length, Func<Stream> Open);
