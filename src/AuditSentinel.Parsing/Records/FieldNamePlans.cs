namespace AuditSentinel.Parsing.Records;

/// <summary>
/// A parser's <see cref="FieldNamePlan"/>s, two per record type (body and ENRICHED part) in a small table indexed by the
/// type number; a type that takes another's slot starts from an empty plan. A slot's plans are made when a type first
/// uses it (about 2 KiB each), so a parser of a few lines does not pay for all. Not thread-safe, like the parser.
/// </summary>
internal sealed class FieldNamePlans
{
    // A power of two above the number of record types a log usually mixes (about 20 in the corpus).
    private const int Slots = 64;
    private readonly FieldNamePlan?[] _plans = new FieldNamePlan?[Slots * 2];
    private readonly int[] _typeNumbers = new int[Slots];

    /// <summary>The body's and the ENRICHED part's plans for records of <paramref name="typeNumber"/> (not 0).</summary>
    internal (FieldNamePlan Body, FieldNamePlan Enriched) For(int typeNumber)
    {
        var slot = typeNumber & (Slots - 1);
        if (_typeNumbers[slot] != typeNumber)
        {
            _typeNumbers[slot] = typeNumber;
            _plans[slot * 2]?.Clear();
            _plans[(slot * 2) + 1]?.Clear();
        }

        return (_plans[slot * 2] ??= new FieldNamePlan(), _plans[(slot * 2) + 1] ??= new FieldNamePlan());
    }
}
