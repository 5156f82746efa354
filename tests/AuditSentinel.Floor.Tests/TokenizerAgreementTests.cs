using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Floor.Tests;

/// <summary>The floor finds the fields the product's tokenizer finds, on every simple record of the fixture logs.</summary>
public sealed class TokenizerAgreementTests
{
    // Names the tokenizer gives to words the floor skips (old auid=, SELinux's denied { read }).
    private static readonly HashSet<string> SyntheticNames = ["old-auid", "old-ses", "seresult", "seperms"];

    public static TheoryData<string> FixtureLogs() => [.. RepoPaths.FixtureLogs()];

    [Theory]
    [MemberData(nameof(FixtureLogs))]
    public void Simple_records_have_the_tokenizers_fields(string log) => Compare(log);

    [Fact]
    public void Most_fixture_records_are_simple_so_the_comparison_covers_them()
    {
        var (parsed, compared) = RepoPaths.FixtureLogs().Select(Compare).Aggregate((sum, log) => (sum.Parsed + log.Parsed, sum.Compared + log.Compared));
        // 2,018 of the 2,343 fixture records; the rest are user-space messages, SELinux denials and the legacy forms.
        Assert.True(parsed > 1000 && compared >= parsed * 4 / 5, $"{compared} of {parsed} records compared");
    }

    [Fact]
    public void Every_field_is_called_plain_exactly_when_JSON_takes_it_as_it_is()
    {
        var fields = RepoPaths.FixtureLogs()
            .SelectMany(log => CollectingSink.Of(File.ReadAllBytes(RepoPaths.Fixture(log)), blockSize: 4096))
            .SelectMany(line => line)
            .ToList();
        Assert.Contains(fields, field => !field.IsPlain);
        Assert.All(fields, field => Assert.Equal(field.IsPlain, field.Plain));
    }

    // Compares the simple records of a log; returns how many records it parsed and how many it compared.
    private static (int Parsed, int Compared) Compare(string log)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Fixture(log));
        var lines = Lines(bytes);
        var found = CollectingSink.Of(bytes, blockSize: 4096);
        Assert.Equal(lines.Count, found.Count);

        var parser = new RecordParser();
        var parsed = 0;
        var compared = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!parser.TryParse(lines[i], i + 1, out var record, out _))
            {
                continue;
            }

            parsed++;
            var tokens = Enumerable.Range(0, record.FieldCount).Select(index => record[index]).ToList();
            if (!IsSimple(tokens) || BodyOf(found[i]) is not { } body)
            {
                continue;
            }

            compared++;
            Assert.Equal(tokens.Select(field => field.NameText), body.Select(field => field.Name));
            for (var f = 0; f < tokens.Count; f++)
            {
                // The kernel's hex with a stray closing quote: the tokenizer drops the quote, the floor keeps it.
                var value = tokens[f].Kind == FieldKind.Hex ? body[f].Value.TrimEnd('"') : body[f].Value;
                Assert.Equal(Encoding.UTF8.GetString(tokens[f].RawValue), value);
            }
        }

        return (parsed, compared);
    }

    // Records the floor reads differently: a user-space message's fields (the tokenizer joins bare words into a value
    // there), braces, and the names the tokenizer makes up for words the floor skips.
    private static bool IsSimple(List<AuditField> tokens) =>
        tokens.Count > 0 && tokens.All(field =>
            field.Origin != FieldOrigin.Message
            && field.Kind != FieldKind.Braced
            && !SyntheticNames.Contains(field.NameText));

    // The floor's fields after the header it reads as fields too: [node=] type= msg=audit(...):
    private static List<FoundField>? BodyOf(List<FoundField> fields)
    {
        var at = fields.Count > 0 && fields[0].Name == "node" ? 1 : 0;
        return fields.Count >= at + 2 && fields[at].Name == "type" && fields[at + 1].Name == "msg" && fields[at + 1].Value.StartsWith("audit(", StringComparison.Ordinal)
            ? fields[(at + 2)..]
            : null;
    }

    private static List<byte[]> Lines(byte[] log)
    {
        var lines = new List<byte[]>();
        var rest = log.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            lines.Add(rest[..(end < 0 ? rest.Length : end)].ToArray());
            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return lines;
    }
}
