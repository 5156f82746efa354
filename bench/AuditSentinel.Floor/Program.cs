using AuditSentinel.Floor;

// audit-sentinel-floor FILE --out DIR [--no-output | --no-escape | --event-ids]
// Writes DIR/records.ndjson and prints the records and bytes written (fields found, with --no-output).
var file = args.Length > 0 ? args[0] : null;
var outIndex = Array.IndexOf(args, "--out");
var variant = args.Contains("--no-output") ? FloorVariant.NoOutput
    : args.Contains("--no-escape") ? FloorVariant.UnescapedJson
    : args.Contains("--event-ids") ? FloorVariant.JsonWithEventIds
    : FloorVariant.Json;
if (file is null || (variant != FloorVariant.NoOutput && (outIndex < 0 || outIndex + 1 >= args.Length)))
{
    await Console.Error.WriteLineAsync("usage: audit-sentinel-floor FILE --out DIR [--no-output | --no-escape | --event-ids]").ConfigureAwait(false);
    return 2;
}

using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
Stream output = Stream.Null;
if (variant != FloorVariant.NoOutput)
{
    var directory = Directory.CreateDirectory(args[outIndex + 1]);
    output = new FileStream(Path.Combine(directory.FullName, "records.ndjson"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
}

using (output)
{
    var (records, bytes) = FloorRun.Run(input, output, variant);
    Console.WriteLine(variant == FloorVariant.NoOutput ? $"lines {records} fields {bytes}" : $"records {records} bytes {bytes}");
}

return 0;
