using System.Text;
using AuditSentinel.Parsing.Records;
using Xunit;

namespace AuditSentinel.TestSupport;

/// <summary>Real records from the fixtures: a file's parsed records, or one by its 1-based line number.</summary>
public static class FixtureRecords
{
    public static AuditRecord Line(string[] fixture, int number) => Parse(File.ReadLines(RepoPaths.Fixture(fixture)).ElementAt(number - 1), number);

    public static AuditRecord Parse(string line, int number = 1)
    {
        Assert.True(new RecordParser().TryParse(Encoding.UTF8.GetBytes(line), number, out var record, out var reason), reason.ToString());
        return record;
    }

    public static IEnumerable<AuditRecord> All(params string[] fixture)
    {
        var parser = new RecordParser();
        var number = 0;
        foreach (var line in File.ReadLines(RepoPaths.Fixture(fixture)))
        {
            number++;
            if (parser.TryParse(Encoding.UTF8.GetBytes(line), number, out var record, out _))
            {
                yield return record;
            }
        }
    }

    public static readonly string[] SshIntrusion = ["ssh-intrusion", "audit.log"];
    public static readonly string[] Rhel7 = ["go-libaudit", "auparse", "testdata", "audit-rhel7.log"];
}
