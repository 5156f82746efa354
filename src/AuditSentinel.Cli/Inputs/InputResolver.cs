namespace AuditSentinel.Cli.Inputs;

/// <summary>Turns the command line's paths into logs: files, folders (every file below, in name order), <c>-</c> for standard input, none for the embedded sample.</summary>
internal static class InputResolver
{
    internal const string EmbeddedSampleResource = "samples/ssh-intrusion/audit.log";

    internal static IReadOnlyList<LogInput> Resolve(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return [EmbeddedSample()];
        }

        var inputs = new List<LogInput>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                inputs.Add(new LogInput("stdin", null, () => new InterruptibleInputStream(Console.OpenStandardInput())));
            }
            else if (Directory.Exists(path))
            {
                inputs.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal)
                    .Select(FromFile));
            }
            else if (File.Exists(path))
            {
                inputs.Add(FromFile(path));
            }
            else
            {
                throw new UsageException($"No such file or folder: {path}");
            }
        }

        return inputs;
    }

    internal static LogInput EmbeddedSample()
    {
        var assembly = typeof(InputResolver).Assembly;
        using var probe = assembly.GetManifestResourceStream(EmbeddedSampleResource)
            ?? throw new InvalidOperationException($"The embedded sample {EmbeddedSampleResource} is missing from the build.");
        return new LogInput("embedded:" + EmbeddedSampleResource, probe.Length, () => assembly.GetManifestResourceStream(EmbeddedSampleResource)!);
    }

    private static LogInput FromFile(string path) =>
        new(path, new FileInfo(path).Length, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous | FileOptions.SequentialScan));
}
