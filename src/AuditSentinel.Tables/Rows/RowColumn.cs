using AuditSentinel.Tables.Schema;

namespace AuditSentinel.Tables.Rows;

/// <summary>A column and the code that writes its value: nothing when the value is null, else the name and the value.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
internal abstract class RowColumn<TRow>(Column column)
{
    /// <summary>The declared column.</summary>
    public Column Column { get; } = column;

    /// <summary>The name in its JSON form, as the prefix <c>,"Name":"</c> (see <see cref="RowJsonBuffer.EncodeName"/>).</summary>
    protected ColumnPrefix EncodedName { get; } = RowJsonBuffer.EncodeName(column.Name);

    /// <summary>Writes the column of <paramref name="row"/> unless its value is null.</summary>
    public abstract void Write(RowJsonBuffer json, TRow row);
}
