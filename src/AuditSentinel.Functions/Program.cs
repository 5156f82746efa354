using AuditSentinel.Functions.Hosting;

await using var app = HandlerApp.Build(args);
await app.RunAsync();
