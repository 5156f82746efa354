using Spectre.Console;

namespace AuditSentinel.Cli.Output;

/// <summary>A byte-based progress bar on an interactive terminal for large inputs; nothing otherwise (pipes and CI stay clean).</summary>
internal static class ProgressReporter
{
    private const long LargeInput = 16L * 1024 * 1024;

    internal static async Task<T> RunAsync<T>(IAnsiConsole console, long? totalBytes, string label, Func<IProgress<long>?, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive || totalBytes is null or < LargeInput)
        {
            return await work(null);
        }

        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: totalBytes.Value);
                return await work(new Progress<long>(done => task.Value = done));
            });
    }
}
