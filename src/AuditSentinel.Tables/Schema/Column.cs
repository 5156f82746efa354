namespace AuditSentinel.Tables.Schema;

/// <summary>One column of a table.</summary>
public sealed class Column
{
    /// <summary>Declares a column; the name is validated.</summary>
    public Column(string name, ColumnType type, string description)
    {
        SchemaNames.Validate(name, "column");
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Name = name;
        Type = type;
        Description = description;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The column type.</summary>
    public ColumnType Type { get; }

    /// <summary>What the column holds, for the docs and the table description.</summary>
    public string Description { get; }
}
