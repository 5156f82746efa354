namespace AuditSentinel.Benchmarks;

/// <summary>The real lines the stage benchmarks run over: the ssh-intrusion recording, read once.</summary>
internal static class SampleLines
{
    private static readonly Lazy<byte[][]> LinesLazy = new(Load);

    internal static byte[][] Lines => LinesLazy.Value;

    internal static long Bytes => Lines.Sum(l => (long)l.Length + 1);

    private static byte[][] Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "ssh-intrusion", "audit.log");
            if (File.Exists(path))
            {
                return File.ReadAllLines(path).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
            }
        }

        throw new InvalidOperationException("samples/ssh-intrusion/audit.log not found above " + AppContext.BaseDirectory);
    }
}
