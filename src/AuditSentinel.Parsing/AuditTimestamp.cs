namespace AuditSentinel.Parsing;

/// <summary>The kernel's event time: seconds since the Unix epoch and milliseconds, as in <c>audit(1795333528.777:6918)</c>.</summary>
/// <param name="Seconds">Whole seconds since 1970-01-01T00:00:00Z.</param>
/// <param name="Milliseconds">Milliseconds, 0 to 999.</param>
public readonly record struct AuditTimestamp(long Seconds, int Milliseconds) : IComparable<AuditTimestamp>
{
    /// <summary>The time as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.FromUnixTimeMilliseconds((Seconds * 1000) + Milliseconds);

    /// <inheritdoc />
    public int CompareTo(AuditTimestamp other)
    {
        var bySeconds = Seconds.CompareTo(other.Seconds);
        return bySeconds != 0 ? bySeconds : Milliseconds.CompareTo(other.Milliseconds);
    }

    /// <summary>Orders timestamps.</summary>
    public static bool operator <(AuditTimestamp left, AuditTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>Orders timestamps.</summary>
    public static bool operator >(AuditTimestamp left, AuditTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>Orders timestamps.</summary>
    public static bool operator <=(AuditTimestamp left, AuditTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>Orders timestamps.</summary>
    public static bool operator >=(AuditTimestamp left, AuditTimestamp right) => left.CompareTo(right) >= 0;

    /// <summary>The form auditd writes: <c>1795333528.777</c>.</summary>
    public override string ToString() => $"{Seconds}.{Milliseconds:D3}";
}
