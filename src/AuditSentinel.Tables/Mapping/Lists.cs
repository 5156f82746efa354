namespace AuditSentinel.Tables.Mapping;

/// <summary>Small list helpers for row values, without LINQ's enumerator allocations.</summary>
internal static class Lists
{
    /// <summary>A new array of <paramref name="select"/> applied to each item, in order.</summary>
    internal static TResult[] Project<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult> select)
    {
        var result = new TResult[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = select(items[i]);
        }

        return result;
    }
}
