using System.CommandLine;
using AuditSentinel.Cli;
using AuditSentinel.Cli.Commands;

var root = new RootCommand("audit-sentinel: Linux audit logs (auditd, pam_tty_audit) into Microsoft Sentinel tables.")
{
    ParseCommand.Create(),
    SendCommand.Create(),
    ReplayCommand.Create(),
    QueryCommand.Create(),
    TimelineCommand.Create(),
    SchemaCommand.Create(),
    GenerateCommand.Create(),
    ContentCommand.Create(),
};

var parsed = root.Parse(args);
// On Ctrl+C, send and replay dead-letter what is not known to be delivered before they return: give them time to.
// Usage errors found while a command runs (a missing input, a bad size) are reported as such, not as a crash.
int exit;
try
{
    exit = await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1), EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return ExitCodes.InvalidArguments;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return ExitCodes.Failed;
}
catch (Exception e)
{
    await Console.Error.WriteLineAsync($"audit-sentinel failed: {e}");
    return ExitCodes.Failed;
}

// System.CommandLine prints parse errors with the help and returns 1; usage errors are 2 in every command.
return parsed.Errors.Count > 0 ? ExitCodes.InvalidArguments : exit;
