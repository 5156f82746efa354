using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace AuditSentinel.TestSupport.Azure;

/// <summary>
/// A real Azurite blob service (tests/tools/node_modules/.bin/azurite-blob) on 127.0.0.1 with a free port,
/// in memory, HTTPS with the loopback certificate and <c>--oauth basic</c>, so clients authenticate with a
/// bearer token exactly as with managed identity (no shared key anywhere).
/// </summary>
public sealed class AzuriteBlob : IAsyncDisposable
{
    public const string Account = "devstoreaccount1";

    private readonly Process _process;
    private readonly string _certFolder;

    private AzuriteBlob(Process process, string certFolder, int port)
    {
        _process = process;
        _certFolder = certFolder;
        ServiceUri = new Uri($"https://127.0.0.1:{port}/{Account}");
    }

    /// <summary>e.g. https://127.0.0.1:41234/devstoreaccount1.</summary>
    public Uri ServiceUri { get; }

    /// <summary>A token Azurite's basic OAuth check accepts (storage audience, AAD issuer, valid lifetime).</summary>
    public static StaticTokenCredential Credential { get; } = new(CreateToken());

    public Uri Container(string name) => new($"{ServiceUri.AbsoluteUri}/{name}");

    public static async Task<AzuriteBlob> StartAsync()
    {
        var executable = Path.Combine(RepoPaths.Tools, "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed ({executable} is missing). Run tests/run-all.sh, or (cd tests/tools && npm ci).");
        }

        var certFolder = Directory.CreateTempSubdirectory("azurite-cert-").FullName;
        var cert = Path.Combine(certFolder, "cert.pem");
        var key = Path.Combine(certFolder, "key.pem");
        await File.WriteAllTextAsync(cert, LoopbackTls.Certificate.ExportCertificatePem()).ConfigureAwait(false);
        using (var rsa = System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPrivateKey(LoopbackTls.Certificate)!)
        {
            await File.WriteAllTextAsync(key, rsa.ExportPkcs8PrivateKeyPem()).ConfigureAwait(false);
        }

        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--disableTelemetry", "--loose", "--skipApiVersionCheck",
            "--oauth", "basic", "--cert", cert, "--key", key,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("successfully listens", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteBlob(process, certFolder, port);
        if (await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false) != ready.Task)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            string log;
            lock (output)
            {
                log = output.ToString();
            }

            throw new InvalidOperationException($"Azurite did not become ready on port {port}:{Environment.NewLine}{log}");
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(_certFolder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string CreateToken()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>(StringComparer.Ordinal) { ["alg"] = "RS256", ["typ"] = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["aud"] = "https://storage.azure.com",
            ["iss"] = "https://sts.windows.net/00000000-0000-0000-0000-000000000000/",
            ["iat"] = now - 300,
            ["nbf"] = now - 300,
            ["exp"] = now + 3600,
        }));
        return $"{header}.{payload}.{Base64Url("unsigned"u8.ToArray())}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
