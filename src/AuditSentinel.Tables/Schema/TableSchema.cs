namespace AuditSentinel.Tables.Schema;

/// <summary>A custom table: its Log Analytics name, its data collection rule stream and its columns in order.</summary>
public sealed class TableSchema
{
    private const string TableSuffix = "_CL";
    private const string StreamPrefix = "Custom-";

    /// <summary>Declares a table named <c>{baseName}_CL</c> fed by the stream <c>Custom-{baseName}</c>.</summary>
    public TableSchema(string baseName, IReadOnlyList<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Name = baseName + TableSuffix;
        SchemaNames.Validate(Name, "table");
        StreamName = StreamPrefix + baseName;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            if (!seen.Add(column.Name))
            {
                throw new ArgumentException($"Table {Name} declares column '{column.Name}' twice.", nameof(columns));
            }
        }

        Columns = columns;
    }

    /// <summary>The table name, e.g. <c>LinuxAuditEvents_CL</c>.</summary>
    public string Name { get; }

    /// <summary>The DCR input stream, e.g. <c>Custom-LinuxAuditEvents</c>.</summary>
    public string StreamName { get; }

    /// <summary>The columns, in the order rows are written.</summary>
    public IReadOnlyList<Column> Columns { get; }
}
