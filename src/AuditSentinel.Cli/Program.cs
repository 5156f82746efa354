using System.CommandLine;
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

return await root.Parse(args).InvokeAsync();
