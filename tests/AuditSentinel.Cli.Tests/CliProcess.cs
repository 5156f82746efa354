using System.Diagnostics;
using AuditSentinel.TestSupport.Azure;

namespace AuditSentinel.Cli.Tests;

/// <summary>
/// The built CLI (<c>dotnet audit-sentinel.dll</c>) as a real process, for what only a process has: standard input
/// and signals. It trusts the loopback endpoints' certificate through <c>SSL_CERT_FILE</c>, as a host would trust a CA.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;
    private readonly string _certificateFile;

    private CliProcess(Process process, string certificateFile)
    {
        _process = process;
        _certificateFile = certificateFile;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>What the process reads as standard input.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    public static CliProcess Start(params string[] arguments)
    {
        var certificateFile = Path.GetTempFileName();
        File.WriteAllText(certificateFile, LoopbackTls.Certificate.ExportCertificatePem());
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "audit-sentinel.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SSL_CERT_FILE"] = certificateFile;
        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), certificateFile);
    }

    /// <summary>Ends standard input, as the end of a pipe does.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Sends SIGINT, what Ctrl+C in a terminal sends.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<(int Exit, string Output, string Errors)> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, await _output, await _errors);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        File.Delete(_certificateFile);
    }
}
