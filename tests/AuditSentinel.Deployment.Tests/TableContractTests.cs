using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuditSentinel.Deployment.Tests;

/// <summary>
/// The tables and the DCR are both built from infra/generated/tables.json: every column reaches both the table
/// resource and the DCR stream only if the Bicep maps the whole generated list, never a hand-written one.
/// </summary>
public sealed partial class TableContractTests
{
    /// <summary>The fixed table/stream names the handler, the tables and the content agree on.</summary>
    private static readonly Dictionary<string, string> ContractStreams = new(StringComparer.Ordinal)
    {
        ["LinuxAuditEvents_CL"] = "Custom-LinuxAuditEvents",
        ["LinuxTtyInput_CL"] = "Custom-LinuxTtyInput",
        ["LinuxAuditHealth_CL"] = "Custom-LinuxAuditHealth",
    };

    private static readonly HashSet<string> StreamTypes = new(StringComparer.Ordinal) { "string", "int", "long", "real", "boolean", "dynamic", "datetime" };

    private static readonly IReadOnlyList<GeneratedTable> Tables = GeneratedTable.Load();

    [Fact]
    public void The_generated_schema_has_the_contract_tables_with_valid_columns()
    {
        Assert.Equal(ContractStreams.Keys.Order(StringComparer.Ordinal), Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var table in Tables)
        {
            Assert.Contains(("TimeGenerated", "datetime"), table.Columns);
            Assert.Equal(table.Columns.Count, table.Columns.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var (name, type) in table.Columns)
            {
                Assert.Matches(ColumnName(), name);
                Assert.Contains(type, StreamTypes);
            }
        }
    }

    [Fact]
    public void Stream_names_follow_the_contract()
    {
        var schema = InfraFiles.Read("infra/modules/table-schema.bicep");
        Assert.Contains("func streamName(tableName string) string => 'Custom-${replace(tableName, '_CL', '')}'", schema, StringComparison.Ordinal);
        Assert.Contains("func outputStreamName(tableName string) string => 'Custom-${tableName}'", schema, StringComparison.Ordinal);

        // The C# mirror of streamName, applied to the generated tables, gives the contract's names.
        foreach (var table in Tables)
        {
            Assert.Equal(ContractStreams[table.Name], "Custom-" + table.Name.Replace("_CL", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_streams_the_bicep_derives_are_the_ones_the_code_declares()
    {
        // dcr-streams.json is what `audit-sentinel schema` says the uploader sends; main.bicep derives the DCR from
        // tables.json through streamName/outputStreamName. Both must describe the same streams and columns.
        using var declared = JsonDocument.Parse(InfraFiles.Read("infra/generated/dcr-streams.json"));
        var flows = declared.RootElement.GetProperty("flows").EnumerateArray().ToList();
        Assert.Equal(Tables.Count, flows.Count);
        foreach (var flow in flows)
        {
            var table = Tables.Single(t => string.Equals(t.Name, flow.GetProperty("table").GetString(), StringComparison.Ordinal));
            Assert.Equal("Custom-" + table.Name.Replace("_CL", "", StringComparison.Ordinal), flow.GetProperty("stream").GetString());
            Assert.Equal("Custom-" + table.Name, flow.GetProperty("outputStream").GetString());
            var columns = declared.RootElement.GetProperty("streamDeclarations").GetProperty(flow.GetProperty("stream").GetString()!).GetProperty("columns")
                .EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!));
            Assert.Equal(table.Columns, columns);
        }
    }

    [Fact]
    public void Main_passes_the_generated_tables_to_both_the_tables_and_the_dcr()
    {
        var main = InfraFiles.Read("infra/main.bicep");
        Assert.Contains("var tables = loadJsonContent('generated/tables.json').tables", main, StringComparison.Ordinal);
        Assert.Contains("tables: tables", BicepText.Declaration(main, "module customTables"), StringComparison.Ordinal);
        Assert.Contains("tables: tables", BicepText.Declaration(main, "module dataCollectionRule"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("custom-tables.bicep", "resource customTables", "for table in tables:")]
    [InlineData("custom-tables.bicep", "resource customTables", "name: table.name")]
    [InlineData("custom-tables.bicep", "resource customTables", "schema: { name: table.name columns: table.columns }")]
    [InlineData("data-collection-rule.bicep", "resource dcr", "kind: 'Direct'")]
    [InlineData("data-collection-rule.bicep", "resource dcr", "streamDeclarations: toObject(tables, table => streamName(table.name), table => { columns: table.columns })")]
    [InlineData("data-collection-rule.bicep", "resource dcr", "dataFlows: [ for table in tables: { streams: [ streamName(table.name) ]")]
    [InlineData("data-collection-rule.bicep", "resource dcr", "outputStream: outputStreamName(table.name)")]
    public void Tables_and_dcr_declare_every_generated_column_with_one_data_flow_per_table(string module, string declaration, string mapping)
    {
        var text = BicepText.Normalize(BicepText.Declaration(InfraFiles.Read("infra/modules/" + module), declaration));
        Assert.Contains(mapping, text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_bicep_file_lists_columns_or_streams_by_hand()
    {
        var columnNames = Tables.SelectMany(t => t.Columns).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var path in InfraFiles.Bicep)
        {
            var text = InfraFiles.Read(path);
            Assert.DoesNotContain("'Custom-Linux", text, StringComparison.Ordinal);
            foreach (var name in columnNames)
            {
                Assert.DoesNotContain($"name: '{name}'", text, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,44}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ColumnName();
}
