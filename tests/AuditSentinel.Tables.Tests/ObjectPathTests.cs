using System.Text;
using AuditSentinel.Tables.Rows;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Tables.Tests;

/// <summary>
/// FilePath is the name of the path an event is about. The mapper reads each path's name type once; its choice must be
/// the documented rule's, written here on strings: the first path of name type CREATE, else NORMAL, else DELETE, that
/// has a name; else the first with a name that is not PARENT; else the first path's name.
/// </summary>
public class ObjectPathTests
{
    public static TheoryData<string> Logs() => new(RepoPaths.FixtureLogs());

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task Every_fixture_event_with_paths_gets_the_rule_s_file_path(string log)
    {
        var mapped = await MappedLog.ReadFileAsync(RepoPaths.Fixture(log));
        foreach (var row in mapped.Events.Where(e => e.Paths is not null))
        {
            Assert.Equal(ByTheRule(row.Paths!), row.FilePath);
        }
    }

    [Theory]
    [InlineData("nametype=PARENT name=\"/a\"|nametype=NORMAL name=\"/b\"", "/b")]
    [InlineData("nametype=NORMAL name=\"/a\"|nametype=CREATE name=\"/b\"", "/b")]
    [InlineData("nametype=CREATE|nametype=NORMAL name=\"/b\"", "/b")]
    [InlineData("nametype=PARENT name=\"/a\"|nametype=UNKNOWN name=\"/b\"", "/b")]
    [InlineData("nametype=PARENT name=\"/a\"", "/a")]
    [InlineData("nametype=PARENT name=\"/a\"|nametype=DELETE name=\"/b\"|nametype=NORMAL name=\"/c\"", "/c")]
    [InlineData("name=\"/x\"|nametype=PARENT name=\"/y\"", "/x")]
    [InlineData("nametype=UNKNOWN|nametype=PARENT name=\"/y\"", null)]
    [InlineData("nametype=PARENT|nametype=PARENT name=\"/y\"", null)]
    [InlineData("nametype=NORMAL name=\"/a\" name=\"/b\"|nametype=NORMAL name=\"/c\"", "/a")]
    // Absent values are not in a path's map: the first name or name type with a value counts.
    [InlineData("name=(null) nametype=NORMAL name=\"/b\"", "/b")]
    [InlineData("nametype=(null) name=\"/a\"|nametype=PARENT name=\"/b\"", "/a")]
    [InlineData("nametype=(null) nametype=PARENT name=\"/a\"|nametype=UNKNOWN name=\"/b\"", "/b")]
    [InlineData("name=(null)|nametype=PARENT name=\"/y\"", null)]
    // Hex-encoded names and name types are decoded.
    [InlineData("nametype=PARENT name=\"/a\"|nametype=4E4F524D414C name=2F6120622022632C", "/a b \"c,")]
    // Name types are told by their whole word: other cases, lengths and letters are no preferred type.
    [InlineData("nametype=normal name=\"/a\"|nametype=PARENT name=\"/b\"", "/a")]
    [InlineData("nametype=NORMALS name=\"/a\"|nametype=NORMA name=\"/b\"|nametype=NORMAM name=\"/c\"|nametype=CREATE name=\"/d\"", "/d")]
    // The kernel never hex-encodes a name type: one that looks like hex (PARENT's) is a word of its own.
    [InlineData("nametype=504152454E54 name=\"/a\"|nametype=UNKNOWN name=\"/b\"", "/a")]
    // Names that start as the two do.
    [InlineData("nam=\"/x\" names=\"/y\" nametypes=CREATE nametyp=CREATE|nametype=DELETE name=\"/z\"", "/z")]
    public async Task The_first_path_of_the_most_preferred_name_type_with_a_name_is_chosen(string paths, string? expected)
    {
        var lines = new StringBuilder("type=SYSCALL msg=audit(1795333528.773:7): arch=c000003e syscall=2 success=yes exit=3 items=2\n");
        foreach (var (path, item) in paths.Split('|').Select((p, i) => (p, i)))
        {
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"type=PATH msg=audit(1795333528.773:7): item={item} {path}\n");
        }

        var mapped = await MappedLog.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString())), "paths");
        var row = Assert.Single(mapped.Events);
        Assert.Equal(expected, row.FilePath);
        Assert.Equal(ByTheRule(row.Paths!), row.FilePath);
    }

    private static string? ByTheRule(IReadOnlyList<FieldMap> paths)
    {
        static string? First(FieldMap path, string name) => path.FirstOrDefault(p => p.Key == name).Value;

        foreach (var preferred in (string[])["CREATE", "NORMAL", "DELETE"])
        {
            if (paths.FirstOrDefault(p => First(p, "nametype") == preferred && First(p, "name") is not null) is { } path)
            {
                return First(path, "name");
            }
        }

        return paths.FirstOrDefault(p => First(p, "nametype") != "PARENT" && First(p, "name") is not null) is { } other
            ? First(other, "name")
            : First(paths[0], "name");
    }
}
