using System.Text;
using AuditSentinel.Parsing.Records;

namespace AuditSentinel.Parsing.Tests.Records;

/// <summary>Parses a line with the parser's fast paths and without them, for the tests that compare the two ways.</summary>
internal static class BothParsers
{
    /// <summary>
    /// Asserts that both ways accept or reject <paramref name="bytes"/> alike and read the same header; returns the two
    /// records (null when rejected) for further comparison.
    /// </summary>
    public static (AuditRecord? Fast, AuditRecord? General) AssertSameHeader(byte[] bytes)
    {
        var line = Encoding.UTF8.GetString(bytes);
        var fast = new RecordParser(fastPaths: true).TryParse(bytes, 1, out var fastRecord, out var fastReason);
        var general = new RecordParser(fastPaths: false).TryParse(bytes, 1, out var generalRecord, out var generalReason);
        Assert.True(general == fast, line);
        Assert.True(generalReason == fastReason, line);
        Assert.True(
            (generalRecord?.Node, generalRecord?.TypeNumber, generalRecord?.TypeName, generalRecord?.Timestamp, generalRecord?.Serial, generalRecord?.Format)
            == (fastRecord?.Node, fastRecord?.TypeNumber, fastRecord?.TypeName, fastRecord?.Timestamp, fastRecord?.Serial, fastRecord?.Format),
            line);
        return (fastRecord, generalRecord);
    }
}
