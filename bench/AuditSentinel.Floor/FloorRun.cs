namespace AuditSentinel.Floor;

/// <summary>One pass of the floor over an input: blocks of lines, their delimiters marked, their fields handed to a sink.</summary>
internal static class FloorRun
{
    /// <summary>The read block the program uses: large enough that a read costs nothing per byte, small enough that a block and its maps stay in the cache.</summary>
    internal const int DefaultBlockSize = 256 * 1024;

    private const int OutputBuffer = 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="variant"/> over <paramref name="input"/> and returns the records and bytes written; for
    /// <see cref="FloorVariant.NoOutput"/>, the lines read and the fields found.
    /// </summary>
    internal static (long Records, long Bytes) Run(Stream input, Stream output, FloorVariant variant, int blockSize = DefaultBlockSize)
    {
        if (variant == FloorVariant.NoOutput)
        {
            var counter = new CountingSink();
            Scan(input, blockSize, ref counter);
            return (counter.Lines, counter.Fields);
        }

        var writer = new JsonLineWriter(output, OutputBuffer);
        switch (variant)
        {
            case FloorVariant.UnescapedJson:
                var unescaped = new UnescapedJsonSink(writer);
                Scan(input, blockSize, ref unescaped);
                break;
            case FloorVariant.JsonWithEventIds:
                var withIds = new EventIdJsonSink(writer, new EventIdStamps());
                Scan(input, blockSize, ref withIds);
                break;
            default:
                var json = new JsonSink(writer);
                Scan(input, blockSize, ref json);
                break;
        }

        writer.Flush();
        return (writer.Records, writer.BytesWritten);
    }

    /// <summary>Hands every field of <paramref name="input"/> to <paramref name="sink"/>, read in blocks of <paramref name="blockSize"/> bytes.</summary>
    internal static void Scan<TSink>(Stream input, int blockSize, ref TSink sink)
        where TSink : struct, IFieldSink
    {
        var blocks = new LineBlocks(input, blockSize);
        var maps = new DelimiterMaps();
        while (blocks.TryRead(out var block, out var length))
        {
            maps.Mark(block, length);
            RecordScanner.Scan(block, length, maps, ref sink);
        }
    }
}
