namespace AuditSentinel.Tables.Rows;

/// <summary>
/// A table's columns, declared once as a method that hands each column of a row to a visitor: every column exactly
/// once and in schema order, whatever the row's values (a null value is for the visitor to leave out, never a reason
/// to skip the call: the JSON visitor finds each column's name by its position). The exported schema and the JSON of
/// every row come from this one method, so they cannot drift apart. Declared generic over the visitor, it is compiled
/// once per visitor: writing a row is one straight-line method with the visitor's calls inlined, not a loop of a
/// virtual and a delegate call per column.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TColumns">The visitor.</typeparam>
internal delegate void ColumnDeclaration<in TRow, TColumns>(TRow row, ref TColumns columns)
    where TColumns : struct, IColumnVisitor, allows ref struct;
