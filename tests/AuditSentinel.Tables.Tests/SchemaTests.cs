using AuditSentinel.Tables.Schema;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

public class SchemaTests
{
    private static string Generated => Path.Combine(RepoPaths.Root, "infra", "generated");

    [Fact]
    public void Committed_generated_files_equal_the_export_byte_for_byte()
    {
        // Set AUDIT_SENTINEL_REGENERATE=1 to rewrite them after changing a table (the CLI's `schema --out` does the same).
        if (Regenerate)
        {
            SchemaExport.Write(Generated);
        }

        Assert.Equal(SchemaExport.TablesJson(AuditTables.All), File.ReadAllBytes(Path.Combine(Generated, SchemaExport.TablesFileName)));
        Assert.Equal(SchemaExport.DcrStreamsJson(AuditTables.All), File.ReadAllBytes(Path.Combine(Generated, SchemaExport.DcrStreamsFileName)));
    }

    [Fact]
    public void The_table_reference_in_docs_is_current()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "tables.md");
        var markdown = TableReference(AuditTables.All);
        if (Regenerate)
        {
            File.WriteAllText(path, markdown);
        }

        Assert.Equal(markdown, File.ReadAllText(path));
    }

    [Fact]
    public void Write_produces_the_documented_shape_deterministically()
    {
        var directory = Directory.CreateTempSubdirectory("schema-");
        try
        {
            var paths = SchemaExport.Write(directory.FullName);
            var first = paths.Select(File.ReadAllBytes).ToList();
            SchemaExport.Write(directory.FullName);
            Assert.Equal(first, paths.Select(File.ReadAllBytes));
            var text = System.Text.Encoding.UTF8.GetString(first[0]);
            Assert.StartsWith("{\n  \"tables\": [\n    {\n      \"name\": \"LinuxAuditEvents_CL\",\n      \"columns\": [\n        {\n          \"name\": \"TimeGenerated\",\n          \"type\": \"datetime\"\n        },", text, StringComparison.Ordinal);
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
            using var streams = System.Text.Json.JsonDocument.Parse(first[1]);
            var declared = streams.RootElement.GetProperty("streamDeclarations");
            foreach (var table in AuditTables.All)
            {
                var columns = declared.GetProperty(table.StreamName).GetProperty("columns").EnumerateArray()
                    .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString()));
                Assert.Equal(table.Columns.Select(c => ((string?)c.Name, (string?)ColumnTypeNames.Of(c.Type))), columns);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_table_and_column_name_is_valid()
    {
        Assert.Equal(["LinuxAuditEvents_CL", "LinuxTtyInput_CL", "LinuxAuditHealth_CL"], AuditTables.All.Select(t => t.Name));
        Assert.Equal(["Custom-LinuxAuditEvents", "Custom-LinuxTtyInput", "Custom-LinuxAuditHealth"], AuditTables.All.Select(t => t.StreamName));
        foreach (var table in AuditTables.All)
        {
            Assert.True(SchemaNames.IsValid(table.Name));
            Assert.All(table.Columns, c => Assert.True(SchemaNames.IsValid(c.Name), c.Name));
            Assert.Equal(table.Columns.Count, table.Columns.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Starts_with_digit")]
    [InlineData("Has-dash")]
    [InlineData("Has space")]
    [InlineData("Ünicode")]
    [InlineData("A234567890123456789012345678901234567890123456")]
    public void Invalid_names_are_refused(string name)
    {
        Assert.False(SchemaNames.IsValid(name));
        Assert.Throws<ArgumentException>(() => new Column(name, ColumnType.String, "x"));
    }

    [Fact]
    public void A_45_character_name_is_accepted_and_duplicate_columns_are_refused()
    {
        Assert.True(SchemaNames.IsValid(new string('A', 45)));
        Assert.Throws<ArgumentException>(() => new TableSchema("T", [new Column("A", ColumnType.Int, "x"), new Column("a", ColumnType.Long, "y")]));
    }

    [Fact]
    public void The_events_table_has_the_agreed_columns_in_order()
    {
        string[] expected =
        [
            "TimeGenerated:datetime", "EventTime:datetime", "Computer:string", "Serial:long", "EventId:string", "RecordType:string",
            "RecordTypes:dynamic", "RecordCount:int", "Category:string", "Action:string", "Result:string", "Syscall:string", "Arch:string",
            "Exit:long", "Pid:int", "Ppid:int", "Auid:long", "AuditUser:string", "Session:long", "Uid:long", "User:string", "Euid:long",
            "EffectiveUser:string", "Gid:long", "Tty:string", "Comm:string", "Exe:string", "CommandLine:string", "Argv:dynamic",
            "ProcTitle:string", "Cwd:string", "Paths:dynamic", "FilePath:string", "SocketFamily:string", "RemoteAddress:string",
            "RemotePort:int", "Key:string", "Keys:dynamic", "Techniques:dynamic", "Account:string", "Operation:string", "Terminal:string",
            "Hostname:string", "SourceAddress:string", "Fields:dynamic", "Partial:boolean", "PartialReason:string", "SourceName:string",
            "ParserVersion:string", "TruncatedFields:string",
        ];
        Assert.Equal(expected, Describe(AuditTables.LinuxAuditEvents.Schema));
        Assert.Equal(
            [
                "TimeGenerated:datetime", "EventTime:datetime", "Computer:string", "Serial:long", "EventId:string", "RecordType:string",
                "Session:long", "Auid:long", "AuditUser:string", "Uid:long", "User:string", "Pid:int", "Tty:string", "Comm:string",
                "Input:string", "Lines:dynamic", "Redacted:boolean", "RedactionReason:string", "SourceName:string", "ParserVersion:string",
                "TruncatedFields:string",
            ],
            Describe(AuditTables.LinuxTtyInput.Schema));
        Assert.Equal(
            [
                "TimeGenerated:datetime", "Computer:string", "SourceName:string", "SourceKind:string", "FirstEventTime:datetime",
                "LastEventTime:datetime", "Bytes:long", "Lines:long", "Records:long", "Events:long", "PartialEvents:long", "TtyRecords:long",
                "RejectedLines:long", "RejectReasons:dynamic", "DeadLetteredRows:long", "ParserVersion:string",
            ],
            Describe(AuditTables.LinuxAuditHealth.Schema));
    }

    private static bool Regenerate => Environment.GetEnvironmentVariable("AUDIT_SENTINEL_REGENERATE") == "1";

    private static string TableReference(IReadOnlyList<TableSchema> tables)
    {
        var text = new System.Text.StringBuilder();
        text.Append("# Table reference\n\nGenerated from the table declarations in `src/AuditSentinel.Tables/AuditTables.cs` (run the Tables tests with\n")
            .Append("`AUDIT_SENTINEL_REGENERATE=1` after changing them). Null values are left out of a row, so a missing column means\n")
            .Append("\"not known\" for that event. Vocabulary: [normalization.md](normalization.md); techniques: [attack-keys.md](attack-keys.md).\n");
        foreach (var table in tables)
        {
            text.Append("\n## ").Append(table.Name).Append("\n\nDCR stream `").Append(table.StreamName).Append("`.\n\n| column | type | meaning |\n|---|---|---|\n");
            foreach (var column in table.Columns)
            {
                text.Append("| ").Append(column.Name).Append(" | ").Append(ColumnTypeNames.Of(column.Type)).Append(" | ").Append(column.Description.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Describe(TableSchema table) => table.Columns.Select(c => c.Name + ":" + ColumnTypeNames.Of(c.Type));
}
