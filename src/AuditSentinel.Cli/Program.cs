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
};

var parsed = root.Parse(args);
var exit = await parsed.InvokeAsync();

// System.CommandLine prints parse errors with the help and returns 1; usage errors are 2 in every command.
return parsed.Errors.Count > 0 ? ExitCodes.InvalidArguments : exit;
