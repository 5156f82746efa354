using AuditSentinel.Parsing.Tty;

namespace AuditSentinel.Parsing.Tests.Tty;

public class TtyNamedKeysTests
{
    [Fact]
    public void Every_sequence_its_prefixes_and_its_one_byte_extensions_match_as_the_first_table_entry_that_starts_them()
    {
        var inputs = new List<byte[]>();
        foreach (var (sequence, _) in TtyNamedKeys.Entries)
        {
            for (var length = 1; length <= sequence.Length; length++)
            {
                inputs.Add(sequence[..length]);
            }

            for (var next = 0; next < 256; next++)
            {
                inputs.Add([.. sequence, (byte)next]);
            }
        }

        Assert.Equal(380, TtyNamedKeys.Entries.Count());
        AssertMatchesTheTableWalk(inputs);
    }

    [Fact]
    public void Random_inputs_of_the_bytes_sequences_use_match_as_the_first_table_entry_that_starts_them()
    {
        // Bytes drawn from the sequences themselves, so inputs run deep into the trie and off it at every depth.
        var alphabet = TtyNamedKeys.Entries.SelectMany(e => e.Sequence).Distinct().ToArray();
        var random = new Random(20261130);
        var inputs = Enumerable.Range(0, 20_000)
            .Select(_ => Enumerable.Range(0, random.Next(1, 10)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

        AssertMatchesTheTableWalk(inputs);
    }

    private static void AssertMatchesTheTableWalk(IEnumerable<byte[]> inputs)
    {
        var matched = 0;
        foreach (var input in inputs)
        {
            var expected = ReconstructionModel.FirstKey(input);
            (int Length, string Name)? found = TtyNamedKeys.TryMatch(input, out var length, out var name) ? (length, name) : null;

            Assert.True(expected == found, $"{Convert.ToHexString(input)}: expected {expected}, got {found}");
            matched += found is null ? 0 : 1;
        }

        Assert.True(matched > 0);
    }
}
