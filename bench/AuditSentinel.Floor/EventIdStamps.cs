using System.Text;
using AuditSentinel.Parsing;
using AuditSentinel.Parsing.Events;
using AuditSentinel.Tables.Mapping;

namespace AuditSentinel.Floor;

/// <summary>
/// The product's event id (<see cref="EventIds"/>, SHA-256 of the node, time and serial) of each record's event, hashed
/// once per event: records of one event stand together, so the id is hashed again only when the node or the
/// <c>msg=audit(seconds.millis:serial):</c> stamp changes from the last record's.
/// </summary>
internal sealed class EventIdStamps
{
    private readonly byte[] _id = new byte[32];
    private byte[] _lastStamp = [];
    private byte[] _node = [];
    private string _nodeText = "";
    private bool _nodeChanged = true;
    private bool _hasNode;

    /// <summary>The current record's <c>node=</c> value.</summary>
    internal void Node(ReadOnlySpan<byte> node)
    {
        _hasNode = true;
        if (!node.SequenceEqual(_node))
        {
            _node = node.ToArray();
            _nodeText = Encoding.UTF8.GetString(node);
            _nodeChanged = true;
        }
    }

    /// <summary>Forgets the record's node: a record without <c>node=</c> has the empty one.</summary>
    internal void EndRecord()
    {
        if (!_hasNode && _node.Length > 0)
        {
            Node([]);
        }

        _hasNode = false;
    }

    /// <summary>The id (32 hex digits) of the event with this stamp; false for a value that is no stamp.</summary>
    internal bool TryGetId(ReadOnlySpan<byte> stamp, out ReadOnlySpan<byte> id)
    {
        id = _id;
        if (!_nodeChanged && stamp.SequenceEqual(_lastStamp))
        {
            return true;
        }

        if (!TryParse(stamp, out var seconds, out var milliseconds, out var serial))
        {
            return false;
        }

        var text = EventIds.Of(new EventKey(_nodeText, new AuditTimestamp(seconds, milliseconds), serial));
        Encoding.ASCII.GetBytes(text, _id);
        _lastStamp = stamp.ToArray();
        _nodeChanged = false;
        return true;
    }

    // audit(SECONDS.MILLIS:SERIAL): with decimal digits.
    private static bool TryParse(ReadOnlySpan<byte> stamp, out long seconds, out int milliseconds, out ulong serial)
    {
        milliseconds = 0;
        serial = 0;
        seconds = 0;
        if (!stamp.StartsWith("audit("u8))
        {
            return false;
        }

        var rest = stamp[6..];
        var dot = rest.IndexOf((byte)'.');
        var colon = rest.IndexOf((byte)':');
        var close = rest.IndexOf((byte)')');
        return dot > 0 && colon > dot && close > colon
            && long.TryParse(rest[..dot], out seconds)
            && int.TryParse(rest[(dot + 1)..colon], out milliseconds)
            && ulong.TryParse(rest[(colon + 1)..close], out serial);
    }
}
