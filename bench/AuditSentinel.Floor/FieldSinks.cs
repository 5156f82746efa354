using System.Runtime.CompilerServices;

namespace AuditSentinel.Floor;

/// <summary>Each record as a JSON object line, escaped where a name or value needs it: the floor itself.</summary>
internal readonly struct JsonSink(JsonLineWriter writer) : IFieldSink
{
    public static bool WantsEscapes => true;

    public void Field(ReadOnlySpan<byte> block, int nameStart, int nameEnd, int valueStart, int valueEnd, bool plain) =>
        writer.Field(block, nameStart, nameEnd, valueStart, valueEnd, plain);

    public void EndRecord() => writer.EndRecord();
}

/// <summary>Each record as a JSON object line, names and values copied without looking for bytes to escape.</summary>
internal readonly struct UnescapedJsonSink(JsonLineWriter writer) : IFieldSink
{
    public static bool WantsEscapes => false;

    public void Field(ReadOnlySpan<byte> block, int nameStart, int nameEnd, int valueStart, int valueEnd, bool plain) =>
        writer.Field(block, nameStart, nameEnd, valueStart, valueEnd, plain: true);

    public void EndRecord() => writer.EndRecord();
}

/// <summary>Counts the fields and records found, writing nothing.</summary>
internal struct CountingSink : IFieldSink
{
    public static bool WantsEscapes => false;

    /// <summary>The fields found.</summary>
    public long Fields { get; private set; }

    /// <summary>The lines ended, with fields or without.</summary>
    public long Lines { get; private set; }

    public void Field(ReadOnlySpan<byte> block, int nameStart, int nameEnd, int valueStart, int valueEnd, bool plain) => Fields++;

    public void EndRecord() => Lines++;
}

/// <summary>
/// Each record as a JSON object line, escaped, with its event's id (<see cref="EventIdStamps"/>) after the
/// <c>msg=audit(...)</c> field. Only a record's first fields are looked at: <c>node=</c>, <c>type=</c> and the stamp
/// lead every auditd line.
/// </summary>
internal struct EventIdJsonSink(JsonLineWriter writer, EventIdStamps ids) : IFieldSink
{
    private const int HeaderFields = 3;

    private int _fieldsInRecord;

    public static bool WantsEscapes => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Field(ReadOnlySpan<byte> block, int nameStart, int nameEnd, int valueStart, int valueEnd, bool plain)
    {
        writer.Field(block, nameStart, nameEnd, valueStart, valueEnd, plain);
        if (_fieldsInRecord++ < HeaderFields)
        {
            Header(block, nameStart, nameEnd, valueStart, valueEnd);
        }
    }

    public void EndRecord()
    {
        writer.EndRecord();
        ids.EndRecord();
        _fieldsInRecord = 0;
    }

    private readonly void Header(ReadOnlySpan<byte> block, int nameStart, int nameEnd, int valueStart, int valueEnd)
    {
        var name = block[nameStart..nameEnd];
        if (name.SequenceEqual("node"u8))
        {
            ids.Node(block[valueStart..valueEnd]);
        }
        else if (name.SequenceEqual("msg"u8) && ids.TryGetId(block[valueStart..valueEnd], out var id))
        {
            writer.Field("event_id"u8, id, plain: true);
        }
    }
}
