namespace AuditSentinel.Floor;

/// <summary>One pass of the floor over an input: blocks of lines, their delimiters marked, their fields handed to a sink.</summary>
internal static class FloorRun
{
    /// <summary>The read block the program uses: large enough that a read costs nothing per byte, small enough that a block and its maps stay in the cache.</summary>
    internal const int DefaultBlockSize = 256 * 1024;

    private const int OutputBuffer = 1024 * 1024;

    /// <summary>Runs <paramref name="variant"/> over <paramref name="input"/> and returns the records (lines, for <see cref="FloorVariant.NoOutput"/>) and the fields written or found.</summary>
    internal static (long Records, long BytesWritten) Run(Stream input, Stream output, FloorVariant variant, int blockSize = DefaultBlockSize)
    {
        var blocks = new LineBlocks(input, blockSize);
        var maps = new DelimiterMaps();
        if (variant == FloorVariant.NoOutput)
        {
            var counter = new CountingSink();
            ScanAll(blocks, maps, ref counter);
            return (counter.Lines, counter.Fields);
        }

        var writer = new JsonLineWriter(output, OutputBuffer);
        switch (variant)
        {
            case FloorVariant.UnescapedJson:
                var unescaped = new UnescapedJsonSink(writer);
                ScanAll(blocks, maps, ref unescaped);
                break;
            case FloorVariant.JsonWithEventIds:
                var withIds = new EventIdJsonSink(writer, new EventIdStamps());
                ScanAll(blocks, maps, ref withIds);
                break;
            default:
                var json = new JsonSink(writer);
                ScanAll(blocks, maps, ref json);
                break;
        }

        writer.Flush();
        return (writer.Records, writer.BytesWritten);
    }

    private static void ScanAll<TSink>(LineBlocks blocks, DelimiterMaps maps, ref TSink sink)
        where TSink : struct, IFieldSink
    {
        while (blocks.TryRead(out var block, out var length))
        {
            maps.Mark(block, length);
            RecordScanner.Scan(block, length, maps, ref sink);
        }
    }
}
