using System.Globalization;

namespace AuditSentinel.Tables.Mapping;

/// <summary>The version written to every row's ParserVersion column: the assembly version, major.minor.patch.</summary>
public static class ParserVersion
{
    /// <summary>The version, e.g. <c>0.1.0</c>.</summary>
    public static string Current { get; } = Format(typeof(ParserVersion).Assembly.GetName().Version);

    private static string Format(Version? version) =>
        version is null ? "0.0.0" : string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}.{Math.Max(0, version.Build)}");
}
