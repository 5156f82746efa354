using AuditSentinel.Tables.Rows;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// A row of any scalar or string-array columns, in order, for tests that write columns the way the product does (a
/// <see cref="RowTable{TRow}"/> row, through <see cref="JsonColumns"/>): a table declared from one such row takes its
/// column names and types, and every row written to it must have the same columns.
/// </summary>
/// <param name="Columns">The columns' names and values: string, long, bool, DateTimeOffset or string?[].</param>
internal sealed record ColumnsRow(params (string Name, object Value)[] Columns)
{
    /// <summary>The table this row's columns declare.</summary>
    internal RowTable<ColumnsRow> Table() => RowTable<ColumnsRow>.Declare("Columns", this, Visit, Visit);

    private static void Visit<TColumns>(ColumnsRow row, ref TColumns columns)
        where TColumns : struct, IColumnVisitor, allows ref struct
    {
        foreach (var (name, value) in row.Columns)
        {
            switch (value)
            {
                case string text:
                    columns.String(name, "A string.", text);
                    break;
                case long number:
                    columns.Long(name, "A number.", number);
                    break;
                case bool flag:
                    columns.Boolean(name, "A flag.", flag);
                    break;
                case DateTimeOffset time:
                    columns.DateTime(name, "A time.", time);
                    break;
                case string?[] items:
                    columns.StringArray(name, "Strings.", items);
                    break;
                default:
                    throw new ArgumentException($"Column {name}: no column type for {value.GetType()}.", nameof(row));
            }
        }
    }
}
