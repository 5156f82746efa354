using System.CommandLine;
using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Cli.Commands;

/// <summary><c>audit-sentinel schema --out infra/generated</c>: the table and DCR stream declarations the deployment loads.</summary>
internal static class SchemaCommand
{
    internal static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write tables.json and dcr-streams.json to.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("infra", "generated")) };
        var command = new Command("schema", "Write the table schemas (declared once, in code) as the JSON the Bicep deployment and the KQL checks read.") { output };
        command.SetAction(result =>
        {
            foreach (var file in SchemaExport.Write(result.GetValue(output)!.FullName))
            {
                Console.WriteLine(file);
            }

            return 0;
        });
        return command;
    }
}
