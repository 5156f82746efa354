namespace AuditSentinel.Tables.Schema;

/// <summary>The column types a data collection rule stream and a custom Log Analytics table accept.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the Azure Monitor column types.")]
public enum ColumnType
{
    /// <summary>UTF-8 text.</summary>
    String,
    /// <summary>32-bit signed integer.</summary>
    Int,
    /// <summary>64-bit signed integer.</summary>
    Long,
    /// <summary>Double-precision floating point.</summary>
    Real,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>Any JSON value: an array or an object.</summary>
    Dynamic,
    /// <summary>A point in time, written as ISO 8601 UTC with milliseconds.</summary>
    DateTime,
}

/// <summary>The names the Azure Monitor APIs use for <see cref="ColumnType"/>.</summary>
public static class ColumnTypeNames
{
    /// <summary>The lower-case name (<c>string</c>, <c>int</c>, <c>long</c>, <c>real</c>, <c>boolean</c>, <c>dynamic</c>, <c>datetime</c>).</summary>
    public static string Of(ColumnType type) => type switch
    {
        ColumnType.String => "string",
        ColumnType.Int => "int",
        ColumnType.Long => "long",
        ColumnType.Real => "real",
        ColumnType.Boolean => "boolean",
        ColumnType.Dynamic => "dynamic",
        ColumnType.DateTime => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
