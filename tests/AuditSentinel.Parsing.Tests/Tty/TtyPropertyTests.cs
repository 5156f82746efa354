using AuditSentinel.Parsing.Records;
using AuditSentinel.Parsing.Tty;
using FsCheck;
using FsCheck.Fluent;

namespace AuditSentinel.Parsing.Tests.Tty;

public class TtyPropertyTests
{
    [Fact]
    public void Rendering_and_reconstruction_never_throw_and_lines_partition_the_bytes()
    {
        Prop.ForAll<byte[]>(data =>
        {
            var transcript = TtyTranscript.FromBytes(data);
            var covered = 0;
            foreach (var line in transcript.Lines)
            {
                if (line.Start != covered || line.Length <= 0)
                {
                    return false;
                }

                covered += line.Length;
            }

            return covered == data.Length
                && string.Join(',', Enumerable.Range(0, transcript.Lines.Count).Select(transcript.RenderLine)) == transcript.Rendering;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decoding_any_data_value_of_a_record_never_throws()
    {
        var parser = new RecordParser();
        Prop.ForAll<byte[]>(value =>
        {
            var line = "type=TTY msg=audit(1.000:1): tty pid=1 uid=0 auid=0 ses=1 major=136 minor=0 comm=\"sh\" data="u8.ToArray().Concat(value).ToArray();
            if (!parser.TryParse(line, 1, out var record, out _) || !TtyData.TryGetField(record, out var field))
            {
                return true;
            }

            var transcript = TtyTranscript.FromField(field);
            return transcript.Data.Length == TtyData.GetDecodedLength(field) && transcript.Lines.Sum(l => l.Length) == transcript.Data.Length;
        }).QuickCheckThrowOnFailure();
    }
}
