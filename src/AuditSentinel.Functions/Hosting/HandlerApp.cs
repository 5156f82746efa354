using System.Globalization;
using System.Net;
using AuditSentinel.Azure;
using AuditSentinel.Functions.Blobs;
using AuditSentinel.Functions.EventHubs;
using AuditSentinel.Functions.Ingest;

namespace AuditSentinel.Functions.Hosting;

/// <summary>
/// The custom handler process: an ASP.NET Core app the Functions host starts (host.json defaultExecutablePath) and
/// calls over HTTP on 127.0.0.1:<c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, one route per function. Logs are JSON lines on
/// standard output with the invocation id in their scope; the host forwards them to Application Insights.
/// </summary>
public static class HandlerApp
{
    /// <summary>The port setting the host passes to a custom handler.</summary>
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Builds the app from the environment and the command line.</summary>
    /// <param name="args">Command-line arguments (configuration overrides).</param>
    /// <param name="configure">Changes to the services before the app is built (tests replace <see cref="AzureAccess"/>).</param>
    /// <exception cref="InvalidOperationException">A required setting is missing or malformed.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "O";
        });
        // The host already records every invocation; ASP.NET Core's per-request lines would double them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Only the host on this machine may call; it forwards batches as large as it reads them.
            kestrel.Listen(IPAddress.Loopback, Port(builder.Configuration[PortSetting]));
            kestrel.Limits.MaxRequestBodySize = null;
        });

        var settings = HandlerSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => AzureAccess.ManagedIdentity());
        builder.Services.AddSingleton<IngestTargets>();
        builder.Services.AddSingleton<PartitionContinuations>();
        builder.Services.AddSingleton<BlobCreatedFunction>();
        builder.Services.AddSingleton<EventHubIngestFunction>();
        configure?.Invoke(builder);

        var app = builder.Build();
        FunctionEndpoints.Map(app);
        return app;
    }

    private static int Port(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort
            ? port
            : throw new InvalidOperationException($"{PortSetting} must be set to the port the Functions host calls the handler on (it is when the host starts it), not '{text}'.");
}
